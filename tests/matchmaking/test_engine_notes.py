"""Engine notes are data (code + params), translated by code on the profile page, never parsed back from English;
and the engine imports no app code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import sticoop
from sticoop.core.i18n import translations
from sticoop.matchmaking import pages
from sticoop.matchmaking.engine import NOTE_TEXTS, HashingEmbedder, Matcher, Note, Profile
from sticoop.matchmaking.engine.notes import MATCH_VECTOR_PENDING, QUERY_VECTOR_PENDING

SRC = Path(sticoop.__file__).parent
ENGINE = SRC / "matchmaking" / "engine"
#: the only app modules an engine may import: pure helpers with no database, web or domain import
ENGINE_MAY_IMPORT = {"sticoop.core.text"}


def _emitted_codes() -> set[str]:
    """Every note the ranking emits on a marketplace built to provoke each kind (both directions)."""
    text = "Membrane distillation with solar collectors for drinking water"
    profiles = [
        Profile("lab", "technology_offer", title="Solar desalination", summary=text, owner_type="university",
                partner_sought_types=["company"]),
        Profile("firm", "technology_request", title="Solar desalination wanted", summary=text,
                owner_type="company", partner_sought_types=["government"]),
        Profile("lao", "technology_request", title="Solar desalination LoRaWAN", summary=text, language="lo-LA"),
    ]
    matcher = Matcher(HashingEmbedder(), supported_languages=("en", "fr", "vi"), threshold=0.0)
    matcher.add(profiles)
    found = set()
    for p in profiles:
        for match in matcher.complementary(p.id, k=5, min_score=0.0) + matcher.similar(p.id, k=5, min_score=0.0):
            for note in match.explanation.notes:
                assert isinstance(note, Note) and note.text == NOTE_TEXTS[note.code].format(**note.params)
                found.add(note.code)
    return found


#: codes the service emits in place of the language notes while a profile's vector is pending (walked by
#: tests/matchmaking_api/test_profile_vectors_job.py, on both sides of a match)
SERVICE_CODES = {QUERY_VECTOR_PENDING, MATCH_VECTOR_PENDING}


def test_the_engine_emits_every_declared_code_and_nothing_else() -> None:
    assert _emitted_codes() == set(NOTE_TEXTS) - SERVICE_CODES
    with pytest.raises(ValueError, match="unknown note code"):
        Note("made_up", {})


@pytest.mark.parametrize("locale", ["fr", "vi"])
@pytest.mark.parametrize("code", sorted(NOTE_TEXTS))
def test_every_note_code_has_a_translated_page_message(code: str, locale: str) -> None:
    message = pages.NOTE_MESSAGES[code]
    translated = translations(locale).gettext(message)
    assert translated != message, (code, locale)
    params = {"language": "lo-LA", "owner_type": "university"}
    shown = pages.translate_note(translations(locale).gettext, Note(code, params).to_dict())
    assert shown == translated % {"language": pages.label(translations(locale).gettext, "profile_language", "lo-LA"),
                                  "type": pages.label(translations(locale).gettext, "organization_type",
                                                      "university")}


def test_notes_reach_the_api_as_code_params_and_text() -> None:
    note = Note("match_owner_not_sought", {"owner_type": "company"})
    assert note.to_dict() == {"code": "match_owner_not_sought", "params": {"owner_type": "company"},
                              "text": "the matched profile's owner is not a partner type this profile seeks "
                                      "(company)"}


def test_no_regular_expression_reads_engine_text_on_pages() -> None:
    """The profile page and the matchmaking templates translate notes by code: no ``re.match``/``search``..."""
    tree = ast.parse((SRC / "matchmaking" / "pages.py").read_text(encoding="utf-8"))
    calls = {node.func.attr for node in ast.walk(tree) if isinstance(node, ast.Call)
             and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
             and node.func.value.id == "re"}
    assert calls <= {"split"}, calls  # split_keywords reads the user's keyword line, not engine text
    fragments = [part for text in NOTE_TEXTS.values() for part in re.split(r"\{\w+\}", text) if len(part) > 12]
    for source in [SRC / "matchmaking" / "pages.py", *(SRC / "web" / "templates" / "profiles").glob("*.html")]:
        text = source.read_text(encoding="utf-8")
        assert not [f for f in fragments if f in text], source.name  # nothing compares with the engine's English


def _app_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("sticoop")}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("sticoop"):
            found.add(node.module or "")
    return found


@pytest.mark.parametrize("path", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_engines_import_no_app_code(path: Path) -> None:
    """``matchmaking/engine`` is pure: no database, web, core service or domain import (lazy ones included)."""
    assert _app_imports(path) <= ENGINE_MAY_IMPORT, path.name


def test_the_import_check_sees_app_imports() -> None:
    assert _app_imports(SRC / "matchmaking" / "pages.py") >= {"sticoop.core.api", "sticoop.web.render"}
