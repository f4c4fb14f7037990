"""The one fold (sticoop.core.text.fold): a table of cases, and no second implementation anywhere in src."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sticoop.core.text import fold
from sticoop.ingest.evaluation import names_match
from sticoop.ingest.extract.textutil import fold_keep_length
from sticoop.matchmaking.engine.keywords import tokenize

SRC = Path(__file__).parents[2] / "src" / "sticoop"

CASES = [
    # (input, folded, what it shows)
    (None, "", "None is empty"),
    ("", "", "empty"),
    ("UNESCO", "unesco", "case"),
    ("Straße", "strasse", "ß -> ss"),
    ("Œuvre", "oeuvre", "œ -> oe"),
    ("Cœur", "coeur", "œ inside a word"),
    ("Æsir", "aesir", "æ -> ae"),
    ("Đại học Đà Nẵng", "dai hoc da nang", "Vietnamese đ and tones"),
    ("Bộ Khoa học và Công nghệ", "bo khoa hoc va cong nghe", "Vietnamese diacritics"),
    ("Société Générale", "societe generale", "French accents"),
    ("Øresund Łódź þing", "oresund lodz thing", "Latin letters without a decomposition"),
    ("Côte d’Ivoire", "cote d'ivoire", "right single quote -> apostrophe"),
    ("Côte d‘Ivoire", "cote d'ivoire", "left single quote -> apostrophe"),
    ("Côte dʼIvoire", "cote d'ivoire", "modifier letter apostrophe"),
    ("Côte d`Ivoire", "cote d'ivoire", "backtick typed as an apostrophe"),
    ("«Horizon» “Europe”", '"horizon" "europe"', "double quotes and guillemets"),
    ("Belgium–Viet Nam", "belgium-viet nam", "en dash"),
    ("Belgium—Viet Nam", "belgium-viet nam", "em dash"),
    ("Belgium\u2011Viet Nam", "belgium-viet nam", "non-breaking hyphen"),
    ("  a \t b\n\u00a0c  ", "a b c", "white space collapsed and trimmed"),
    ("x\u200by\u00adz", "xyz", "zero-width space and soft hyphen dropped"),
    ("ＡＢＣ ﬁle", "abc file", "full-width letters and ligatures"),
    ("Nguye\u0302\u0303n", "nguyen", "decomposed input"),
    ("ກະຊວງ ວິທະຍາສາດ ແລະ ເຕັກໂນໂລຊີ", "ກະຊວງ ວິທະຍາສາດ ແລະ ເຕັກໂນໂລຊີ", "Lao kept with its vowels and tone marks"),
    ("ໜອງຄາຍ", "ຫນອງຄາຍ", "Lao compatibility letter unified"),
    ("กระทรวงการอุดมศึกษา", "กระทรวงการอุดมศึกษา", "Thai kept"),
    ("ក្រសួងវិទ្យាសាស្ត្រ", "ក្រសួងវិទ្យាសាស្ត្រ", "Khmer kept"),
    ("과학기술정보통신부", "과학기술정보통신부", "Korean kept (not left decomposed)"),
    ("中华人民共和国科学技术部", "中华人民共和国科学技术部", "Chinese kept"),
    ("Министерство й", "министерство й", "Cyrillic only case-folded, й kept"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_fold(text: str | None, expected: str, why: str) -> None:
    assert fold(text) == expected, why


@pytest.mark.parametrize(("a", "b"), [
    ("Œuvre sociale", "oeuvre sociale"), ("Côte d’Ivoire", "cote d'ivoire"), ("Đà Nẵng", "da nang"),
    ("CNRS", "cnrs"), ("Ecole Polytechnique", "École polytechnique"), ("Ha Noi", "Hà Nội"),
])
def test_variants_fold_alike(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_different_lao_words_stay_different() -> None:
    # ກາ (crow) and ກ່າ / ກ້າ differ only by a tone mark: stripping marks (as an old fold did) merged them
    assert len({fold("ກາ"), fold("ກ່າ"), fold("ກ້າ")}) == 3


def test_fold_is_idempotent() -> None:
    for text, _expected, _why in CASES:
        assert fold(fold(text)) == fold(text)


def test_fold_keep_length_keeps_offsets() -> None:
    for text, _expected, _why in CASES:
        if text:
            kept = fold_keep_length(text)
            assert len(kept) == len(text)
    assert fold_keep_length("Đà Nẵng, Œuvre") == "da nang, œuvre"


def test_users_of_the_fold_agree() -> None:
    """Ingest scoring and matchmaking tokens see the same folded text as search and duplicates."""
    assert names_match("Œuvre d’Orient", "oeuvre d'orient")
    assert names_match("ກະຊວງ ວິທະຍາສາດ", "ກະຊວງ ວິທະຍາສາດ")
    assert not names_match("ກາ", "ກ່າ")
    assert tokenize("Năng lượng Œuvre") == ["năng", "nang", "lượng", "luong", "œuvre", "oeuvre"]


#: patterns that give away a diacritic fold of its own; core/text.py is the one place allowed to hold them
FOLD_PATTERNS = re.compile(r"""normalize\(\s*["']NFK?D["']|\bunidecode\b|unicodedata\.combining|\.combining\(""")
ALLOWED = {
    "core/text.py",
    # not a fold for comparing text: the plain-ASCII fallback of a download's file name (RFC 6266 filename=)
    "core/downloads.py",
}


def test_no_other_fold_implementation_in_src() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel not in ALLOWED and FOLD_PATTERNS.search(path.read_text(encoding="utf-8")):
            offenders.append(rel)
    assert offenders == [], f"fold text with sticoop.core.text.fold instead: {offenders}"
    assert FOLD_PATTERNS.search((SRC / "core/text.py").read_text(encoding="utf-8"))
