"""The layout rules of the extraction package, checked on every module so a new one cannot slip past them.

- Word lists live in ``ingest/extract/lang/<code>/``: no other extraction module holds a literal collection of
  more than ``MAX_INLINE_WORDS`` words (punctuation sets and ``__all__`` are not word lists).
- Every module under ``lang/`` is data only and says what it is: a docstring naming the module that reads it,
  typed public constants, no functions or classes, imports from ``lang/`` only.
- Extraction never imports the scoring harness (``ingest.evaluation``): evaluation depends on extraction.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import sticoop.ingest.extract as extract_pkg

EXTRACT = Path(extract_pkg.__file__).parent
LANG = EXTRACT / "lang"
#: a rule may name a few words inline ("and", "et", "và"); a longer list is data and belongs in lang/
MAX_INLINE_WORDS = 5
RULE_MODULES = sorted(p for p in EXTRACT.rglob("*.py") if LANG not in p.parents)
LANG_MODULES = sorted(LANG.rglob("*.py"))
DATA_MODULES = [p for p in LANG_MODULES if p.name != "__init__.py"]


def _rel(path: Path) -> str:
    return str(path.relative_to(EXTRACT.parent))


def _words(node: ast.AST) -> int:
    """String constants holding a letter, among the items of a collection literal (0 for anything else)."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items = node.elts
    elif isinstance(node, ast.Dict) and all(isinstance(v, ast.Constant) for v in node.values):
        items = [k for k in node.keys if k is not None]
    else:
        return 0
    return sum(isinstance(e, ast.Constant) and isinstance(e.value, str) and any(c.isalpha() for c in e.value)
               for e in items)


def _all_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node, without the value of an ``__all__ = [...]`` assignment."""
    skip: set[int] = set()
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in stmt.targets):
            skip.update(id(n) for n in ast.walk(stmt))
    return [n for n in ast.walk(tree) if id(n) not in skip]


def test_the_walks_below_see_the_modules() -> None:
    assert len(RULE_MODULES) >= 15 and len(DATA_MODULES) >= 15
    assert {p.parent.name for p in DATA_MODULES} == {"en", "fr", "vi", "xx"}


@pytest.mark.parametrize("path", RULE_MODULES, ids=_rel)
def test_no_word_list_outside_lang(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long_lists = [
        f"{_rel(path)}:{n.lineno} holds {count} words"
        for n in _all_nodes(tree)
        if (count := _words(n)) > MAX_INLINE_WORDS
    ]
    assert not long_lists, "move these word lists to ingest/extract/lang/<code>/: " + "; ".join(long_lists)


@pytest.mark.parametrize("path", LANG_MODULES, ids=_rel)
def test_lang_modules_are_documented_data(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc, f"{_rel(path)} has no docstring"
    if path.name == "__init__.py":
        return
    reader_named = "Read by ``ingest/extract/" in " ".join(doc.split())
    assert reader_named, f"{_rel(path)}: the docstring must name the module that reads it"
    for stmt in tree.body[1:]:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            module = stmt.module if isinstance(stmt, ast.ImportFrom) else stmt.names[0].name
            allowed = module == "__future__" or (module or "").startswith("sticoop.ingest.extract.lang")
            assert allowed, f"{_rel(path)} imports {module}"
            continue
        assert isinstance(stmt, ast.AnnAssign), (
            f"{_rel(path)}:{stmt.lineno}: data modules hold typed constants only (NAME: type = value)"
        )
        name = getattr(stmt.target, "id", "")
        assert name == name.upper(), f"{_rel(path)}: {name} is not written as a constant"


def _imported_modules(path: Path) -> set[str]:
    """Modules a file imports, at the top or inside functions (relative imports resolved)."""
    package = "sticoop." + ".".join(path.relative_to(EXTRACT.parents[1]).parent.parts)
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + [base]).strip(".")
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)
    return out


@pytest.mark.parametrize("path", RULE_MODULES + LANG_MODULES, ids=_rel)
def test_extraction_does_not_import_the_scoring_harness(path: Path) -> None:
    harness = [m for m in _imported_modules(path) if m.startswith("sticoop.ingest.evaluation")]
    assert not harness, f"{_rel(path)} imports {harness}: move what it needs into ingest/extract/"


def test_importing_extraction_loads_no_scoring_harness() -> None:
    """Transitively too: a fresh interpreter that imports the package has not loaded ``ingest.evaluation``."""
    code = (
        "import sys, sticoop.ingest.extract, sticoop.ingest.extract.core;"
        "print('sticoop.ingest.evaluation' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
