"""The house rules of docs/architecture.md, checked against the code so they stay true.

- the import contracts in pyproject.toml cover every package: a new domain cannot slip past "core imports no
  domain" by being missing from the list;
- every registered record kind has a record service or declares why not, a page prefix or an explicit None,
  and a translated name in every catalogue;
- no contract carries an exception (``ignore_imports``): a broken rule is fixed by inverting the dependency;
- every option source a form names is declared by a domain (``core.choices``);
- every table whose rows belong to a partnership is scoped (accounts/scoping.py) or declared as reached through
  a scoped parent — a new partnership-bound table cannot leak across partnerships by being forgotten.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from babel.messages.pofile import read_po
from sqlalchemy import inspect

import sticoop
from sticoop.core import registry
from sticoop.core.i18n import LOCALE_DIR, SUPPORTED_LOCALES
from sticoop.core.models import Base

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(sticoop.__file__).resolve().parent
#: top-level modules of sticoop that are the app itself, not a domain
APP_MODULES = {"sticoop.web", "sticoop.server", "sticoop.composition", "sticoop.models", "sticoop.cli",
               "sticoop.db_cli"}
#: tables that hold no partnership-bound rows even though they refer to records that may be bound: each with why
NOT_PARTNERSHIP_BOUND = {
    "audit_log": "history of every kind; read through the record it describes, by admins and via scoped pages",
    "document_links": "link rows; a document's visibility is its own partnership's (scoped)",
    "natural_keys": "derived lookup keys; candidates are re-read through the scoped ORM",
    "merged_records": "tombstones (ids only); the kept record is scoped",
    "profile_embeddings": "derived vectors of technology profiles, which are bound to no partnership",
    "search_entries": "derived search index; each query filters it by the viewer's scope before ranking "
                      "(search/backend.scope_clause) and re-reads the hits through the scoped ORM",
}


def _contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def _top_level_packages() -> set[str]:
    names = {f"sticoop.{p.name}" for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    names |= {f"sticoop.{p.stem}" for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    return names - {"sticoop.migrations", "sticoop.locale"}


def test_the_kit_contract_forbids_every_package_but_core() -> None:
    forbidden = set(_contracts()["kit"]["forbidden_modules"])
    assert forbidden == _top_level_packages() - {"sticoop.core"}, \
        "a package is missing from the 'kit' contract in pyproject.toml (core must not import it)"


def test_every_domain_is_below_the_web_rule() -> None:
    rule = _contracts()["no-web-below-pages"]
    assert "sticoop.*.models" in rule["source_modules"]
    assert {"sticoop.web", "sticoop.server"} <= set(rule["forbidden_modules"])


def test_no_contract_has_an_exception() -> None:
    excepted = {cid: c["ignore_imports"] for cid, c in _contracts().items() if c.get("ignore_imports")}
    assert not excepted, f"import contracts with exceptions (invert the dependency instead): {excepted}"


def test_the_ui_kit_is_all_of_web_and_never_the_composition_root() -> None:
    rule = _contracts()["ui-kit"]
    assert rule["source_modules"] == ["sticoop.web"]
    assert set(rule["forbidden_modules"]) >= _top_level_packages() - {"sticoop.core", "sticoop.web"}


def test_every_option_source_a_form_names_is_declared() -> None:
    from sticoop.core.choices import choice_sources
    from sticoop.server.app import create_app
    from sticoop.web.crud_pages import REGISTERED_PAGES

    create_app("sqlite://")  # the composition root includes every domain's pages

    named = {f.source for spec in REGISTERED_PAGES.values() for f in spec.fields
             if f.source and not f.source.startswith("enum:")}
    named |= {c.source for spec in REGISTERED_PAGES.values() for f in spec.fields
              for c in (getattr(f, "columns", None) or []) if c.source and not c.source.startswith("enum:")}
    assert named, "no form names an option source: the walk found nothing"
    missing = named - set(choice_sources())
    assert not missing, f"option sources named by forms but declared by no domain: {sorted(missing)}"


def test_every_registered_kind_is_complete() -> None:
    kinds = registry.kinds()
    assert kinds, "nothing registered: sticoop.composition.bootstrap() did not run"
    catalogues = {}
    for locale in SUPPORTED_LOCALES:
        if locale == "en":
            continue
        with (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            catalogues[locale] = read_po(handle, locale=locale)
    from sticoop.web.labels import LABELS

    for entity, kind in kinds.items():
        assert kind.service is None or kind.service.entity == entity, entity
        assert kind.page_prefix is None or kind.page_prefix.startswith("/"), entity
        assert entity in LABELS["kind"], f"record kind '{entity}' has no name in web/labels.py LABELS['kind']"
        message = LABELS["kind"][entity]
        for locale, catalogue in catalogues.items():
            found = catalogue.get(message)
            assert found is not None and found.string, f"'{message}' is not translated in {locale}"


def test_every_partnership_bound_table_is_scoped() -> None:
    from sticoop.accounts.scoping import scoped_models

    scoped_tables = {model.__table__.name for model in scoped_models()}

    def bound(table) -> bool:  # type: ignore[no-untyped-def]
        if "partnership_id" in table.c:
            return True
        return any(fk.column.table.name in scoped_tables for column in table.c for fk in column.foreign_keys
                   if not column.primary_key or len(table.primary_key.columns) == 1)

    # rows a scoped record owns (a session's delegates and agenda, a project's partners, an agreement's status
    # changes: delete-orphan children) are read through their parent, never listed on their own
    owned = {rel.mapper.local_table.name for model in scoped_models() for rel in inspect(model).relationships
             if rel.cascade.delete_orphan}
    unscoped = []
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        if table.name in scoped_tables or table.name in NOT_PARTNERSHIP_BOUND or table.name in owned:
            continue
        if bound(table):
            unscoped.append(table.name)
    assert unscoped == [], (
        "these tables hold rows of a partnership but are neither in accounts/scoping.py nor declared here: "
        f"{unscoped}")


def _sqlalchemy_session_args() -> list[str]:
    """Every parameter annotated as a SQLAlchemy session in the package, as "file:line function(name)"."""
    import ast

    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.asname or a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 and (node.module or "").startswith("sqlalchemy") for a in node.names if a.name == "Session"}
        names.add("orm.Session")
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for arg in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
                    annotation = ast.unparse(arg.annotation).strip("'\"") if arg.annotation else ""
                    if annotation.replace(" | None", "") in names:
                        found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}({arg.arg})")
    return found


def test_one_name_for_the_database_session() -> None:
    """The database session is ``db`` everywhere (``_db`` when unused): "session" is a committee's meeting
    (``CommitteeSession``) or a browser's sign-in (``LoginSession``), never the database's."""
    found = _sqlalchemy_session_args()
    assert len(found) > 100, "the walk must see the services' and routes' parameters"
    other = [f for f in found if not f.endswith(("(db)", "(_db)"))]
    assert not other, f"database sessions under another name than db: {other[:20]}"


def test_the_committee_session_model_is_not_called_session() -> None:
    from sticoop.partnerships.models import CommitteeSession

    assert CommitteeSession.__tablename__ == "sessions"
    clashing = sorted(m.class_.__name__ for m in Base.registry.mappers if m.class_.__name__ == "Session")
    assert not clashing, "a model named Session clashes with SQLAlchemy's Session"


def test_a_scope_declares_both_parent_and_key_or_neither() -> None:
    import pytest

    from sticoop.partnerships.models import Committee, CommitteeSession

    with pytest.raises(ValueError, match="both"):
        registry.register_scope(CommitteeSession, through="committee_id")
    with pytest.raises(ValueError, match="registered twice"):
        registry.register_scope(CommitteeSession)  # declared through its committee by the partnerships domain
    registry.register_scope(CommitteeSession, through="committee_id", parent=Committee)  # the same again: harmless


def test_labels_and_navigation_come_from_the_domains() -> None:
    """The UI kit translates labels; the domains declare them (``core.labels``): no table of them in ``web/``."""
    from sticoop.core import labels as declared
    from sticoop.web import labels as kit

    assert kit.LABELS is declared.LABELS and kit.NAVIGATION is declared.NAVIGATION
    source = (PACKAGE / "web" / "labels.py").read_text(encoding="utf-8")
    assert "N_(\"" not in source.split("BADGE_TONE")[0], "label messages belong in the domains' register()"
    assert {"kind", "project_status", "tech_field"} <= set(declared.LABELS)
    assert [p for p, _ in declared.NAVIGATION][:3] == ["/partnerships", "/committees", "/sessions"]


def test_no_script_folder_shadows_the_standard_library() -> None:
    """A script run as ``python benchmarks/x.py`` puts its folder first on ``sys.path``: a ``benchmarks/calendar.py``
    made ``import httpx`` (which imports ``calendar``) fail in every benchmark of that folder. Walks every folder
    whose files are run as scripts (benchmarks, scripts, tools) and every top-level module of the tests."""
    import sys

    folders = [ROOT / name for name in ("benchmarks", "scripts", "tools", "tests") if (ROOT / name).is_dir()]
    shadowing = sorted(str(path.relative_to(ROOT)) for folder in folders for path in folder.glob("*.py")
                       if path.stem in sys.stdlib_module_names)
    assert folders and not shadowing, f"rename these, they hide a standard-library module: {shadowing}"


def test_list_indexes_led_by_the_partnership_carry_confidential() -> None:
    """A viewer's statements test ``partnership_id`` and ``confidential``: an index led by the partnership (a list's
    filter with its sort) ends with ``confidential`` so the viewer's count and page read the index alone
    (migration 0027_scope_covering, issue 17)."""
    missing = []
    for table in Base.metadata.sorted_tables:
        if "confidential" not in table.c:
            continue
        for index in table.indexes:
            columns = [column.name for column in index.columns]
            if len(columns) > 1 and columns[0] == "partnership_id" and columns[-1] != "confidential":
                missing.append(f"{index.name} {columns}")
            if columns[0] == "search_text" and not {"partnership_id", "confidential"} & set(table.c.keys()) \
                    <= set(columns):
                missing.append(f"{index.name} {columns} (the free-text search of a list)")
    assert missing == [], f"indexes led by partnership_id without a trailing confidential: {missing}"
