"""French typography, as a kind: a no-break space before ``:`` (U+00A0) and before ``;``, ``!``, ``?`` (U+202F),
and inside « guillemets », in every message of the French catalogue; and no template writes a colon of its own
after a label (it would read "Statut: ouvert" in French), they all write ``{{ fmt.colon }}``.

Rule: Imprimerie nationale, *Lexique des règles typographiques en usage à l'Imprimerie nationale* (ponctuation
haute). A plain space would let the browser break the line before the mark.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from sticoop.core.i18n import LOCALE_DIR, Formatter, labelled, translations
from sticoop.web.render import TEMPLATES_DIR

NO_BREAK = "\u00a0\u202f"
#: a high punctuation mark that ends a word or a clause: followed by a space, a closing guillemet or the end
HIGH_MARK = re.compile(r"(?<=.)[:;!?](?=[\s»]|$)")


def _french_messages() -> list[tuple[str, str]]:
    with (LOCALE_DIR / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    found = []
    for message in catalogue:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [(key, text) for text in strings if text]
    return found


def french_typography_faults(text: str) -> list[str]:
    """The places of ``text`` where French typography wants a no-break space and has none (a short excerpt each)."""
    faults = []
    for mark in HIGH_MARK.finditer(text):
        if text[mark.start() - 1] not in NO_BREAK:
            faults.append(text[max(0, mark.start() - 12) : mark.end()])
    for mark in re.finditer("«", text):
        if text[mark.end() : mark.end() + 1] not in NO_BREAK:
            faults.append(text[mark.start() : mark.end() + 12])
    for mark in re.finditer("»", text):
        if mark.start() == 0 or text[mark.start() - 1] not in NO_BREAK:
            faults.append(text[max(0, mark.start() - 12) : mark.end()])
    return faults


@pytest.mark.parametrize(
    ("text", "faults"),
    [
        ("Statut : ouvert", 1),
        ("Statut\u00a0: ouvert", 0),
        ("Statut: ouvert", 1),
        ("Retirer ce créneau ?", 1),
        ("Retirer ce créneau\u202f?", 0),
        ("fermée ; relancez", 1),
        ("« brouillon »", 2),
        ("«\u202fbrouillon\u202f»", 0),
        ("une adresse commençant par http:// ou https://.", 0),
        ("à 10:30", 0),
    ],
)
def test_the_rule_itself(text: str, faults: int) -> None:
    assert len(french_typography_faults(text)) == faults


def test_every_french_message_keeps_its_marks_on_the_line() -> None:
    messages = _french_messages()
    assert len(messages) > 1000
    faulty = {key: faults for key, text in messages if (faults := french_typography_faults(text))}
    assert faulty == {}


def test_no_template_writes_its_own_colon_after_a_label() -> None:
    own_colon = re.compile(r"(\}\}|</a>|</strong>|</span>|%\}):")
    found = {
        str(path.relative_to(TEMPLATES_DIR)): own_colon.findall(path.read_text(encoding="utf-8"))
        for path in sorted(TEMPLATES_DIR.rglob("*.html"))
    }
    assert {name: hits for name, hits in found.items() if hits} == {}


@pytest.mark.parametrize(("locale", "separator"), [("en", ":"), ("fr", "\u00a0:"), ("vi", ":")])
def test_the_label_separator_per_locale(locale: str, separator: str) -> None:
    assert Formatter(locale).colon == separator




@pytest.mark.parametrize(
    ("locale", "joined"), [("en", "Status: open"), ("fr", "Status\u00a0: open"), ("vi", "Status: open")]
)
def test_label_and_value_in_generated_text(locale: str, joined: str) -> None:
    assert labelled(translations(locale).gettext, "Status", "open") == joined
