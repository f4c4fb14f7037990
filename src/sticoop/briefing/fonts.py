"""Fonts that make every partner's names readable in a pack: Vietnamese, Lao, Thai, Khmer, Korean, Chinese and
Japanese. The Noto families come from the Debian packages ``fonts-noto-core`` (Latin with Vietnamese, Lao,
Thai, Khmer) and ``fonts-noto-cjk`` (Korean, Chinese, Japanese); DejaVu Sans is the last resort.

The PDF (WeasyPrint, through fontconfig) takes the first family of :data:`FONT_STACK` that has each glyph,
with the CJK family matching the text's language (``:lang(ko)``...); the DOCX names the same families in each
run's ``w:rFonts`` — ``w:eastAsia`` for Korean, Chinese and Japanese, ``w:cs`` for Lao, Thai and Khmer (the
complex scripts) — because Word picks the font of a character by those attributes, not by ``w:ascii``.
"""

from __future__ import annotations

import re

LATIN = "Noto Sans"
#: the CJK family per language (all cover Hangul, Kana and Han; each draws Han the way its country writes it)
CJK = {"ko": "Noto Sans CJK KR", "ja": "Noto Sans CJK JP", "zh": "Noto Sans CJK SC"}
#: the complex-script family per language
COMPLEX = {"lo": "Noto Sans Lao", "th": "Noto Sans Thai", "km": "Noto Sans Khmer"}
FAMILIES = (LATIN, *COMPLEX.values(), CJK["zh"], CJK["ja"], CJK["ko"], "DejaVu Sans")
#: the CSS font-family list of the HTML and PDF
FONT_STACK = ", ".join(f"'{family}'" for family in FAMILIES) + ", sans-serif"
#: the Debian packages a server needs for these fonts (README, .ci/run)
DEBIAN_PACKAGES = ("fonts-noto-core", "fonts-noto-cjk")

_SCRIPTS = (
    ("ja", re.compile("[\u3040-\u30ff\u31f0-\u31ff]")),  # kana first: Japanese names also use Han
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("zh", re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("lo", re.compile("[\u0e80-\u0eff]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("km", re.compile("[\u1780-\u17ff\u19e0-\u19ff]")),
)


def script_lang(text: str) -> str | None:
    """The language whose font a text needs beyond Latin (ISO 639-1: ja, ko, zh, lo, th, km), or None for
    Latin text (Vietnamese and French included). Japanese wins over Chinese when the text has kana."""
    if text.isascii():
        return None
    for lang, pattern in _SCRIPTS:
        if pattern.search(text):
            return lang
    return None


def docx_fonts(text: str) -> dict[str, str]:
    """The ``w:rFonts`` attributes (without namespace) a DOCX run of ``text`` needs beyond the document's
    defaults: ``{"eastAsia": "Noto Sans CJK KR", "hint": "eastAsia"}`` for Korean, ``{"cs": "Noto Sans Lao"}``
    for Lao..., ``{}`` for Latin text."""
    lang = script_lang(text)
    if lang in CJK:
        return {"eastAsia": CJK[lang], "hint": "eastAsia"}
    if lang in COMPLEX:
        return {"cs": COMPLEX[lang]}
    return {}
