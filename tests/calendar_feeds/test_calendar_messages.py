"""Every message of the calendar and reminders (pages, feed items, e-mails) is translated in every catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from sticoop.core.i18n import LOCALE_DIR, SUPPORTED_LOCALES

SRC = Path(__file__).resolve().parents[2] / "src" / "sticoop"
FILES = [("python", p) for p in sorted((SRC / "calendar").glob("*.py"))] + [
    ("jinja2", p) for p in sorted((SRC / "web" / "templates" / "calendar").glob("*.html"))]


def messages() -> set[str]:
    found: set[str] = set()
    for method, path in FILES:
        options = {"trim_blocks": "true", "lstrip_blocks": "true"} if method == "jinja2" else {}
        for _line, message, _comments, _context in extract_from_file(
                method, str(path), keywords={"_": None, "N_": None, "ngettext": (1, 2)}, options=options):
            found.add(message if isinstance(message, str) else message[0])
    return found


def test_the_calendar_has_messages() -> None:
    assert len(messages()) > 30


@pytest.mark.parametrize("locale", [code for code in SUPPORTED_LOCALES if code != "en"])
def test_every_calendar_message_is_translated(locale: str) -> None:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle, locale=locale)
    translated = {(m.id if isinstance(m.id, str) else m.id[0]) for m in catalogue
                  if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)}
    assert sorted(messages() - translated) == []
