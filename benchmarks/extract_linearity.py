"""Extraction time against text length: it must grow linearly (issue 13: a 1.5 MB text took minutes).

Method
------
1. Text: our own labelled articles (tests/ingest/corpus, always present) plus ../shared/corpus/dev when it is
   there, per language, joined and repeated until the wanted length (100 KB and 400 KB, in characters).
2. Warm-up (not timed): one short extraction per language loads spaCy, the lexicons and the date parser.
3. Timed: `extract(text, language=...)` end to end (spaCy NER included), best of `--repeat` runs (default 1).
4. Check: time(400 KB) / time(100 KB) must stay below MAX_RATIO (4 for a linear extractor, 16 for a quadratic
   one; 6 leaves room for a loaded machine). The script exits non-zero when a language breaks it.

Run: `python benchmarks/extract_linearity.py` (≈1 min on 2 cores), `--sizes 100000 400000 1500000` to add sizes
(the ratio is always taken between the first two).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sticoop.ingest.extract import extract  # noqa: E402

SOURCES = [ROOT / "tests/ingest/corpus", ROOT.parent / "shared/corpus/dev"]
MAX_RATIO = 6.0


def corpus_text(language: str) -> str:
    """Every available article text of one language, joined by blank lines."""
    texts = []
    for folder in SOURCES:
        for f in sorted(folder.glob("*.json")):
            obj = json.loads(f.read_text(encoding="utf-8"))
            if isinstance(obj, dict) and obj.get("language") == language and isinstance(obj.get("text"), str):
                texts.append(obj["text"])
    if not texts:
        raise SystemExit(f"error: no {language} article found in " + ", ".join(map(str, SOURCES)))
    return "\n\n".join(texts)


def of_length(blob: str, n: int) -> str:
    """The blob repeated (paragraph breaks between copies) and cut to n characters."""
    return ((blob + "\n\n") * (n // (len(blob) + 2) + 1))[:n]


def timed(text: str, language: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        extract(text, language=language)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 400_000])
    parser.add_argument("--languages", nargs="+", default=["en", "fr", "vi"])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    failed = []
    print(f"{'lang':4} " + " ".join(f"{n // 1000:>7} KB" for n in args.sizes) + "   ratio(2nd/1st)")
    for lang in args.languages:
        blob = corpus_text(lang)
        extract(of_length(blob, 3000), language=lang)  # warm-up
        times = [timed(of_length(blob, n), lang, args.repeat) for n in args.sizes]
        ratio = times[1] / times[0] if len(times) > 1 and times[0] > 0 else float("nan")
        size_ratio = args.sizes[1] / args.sizes[0] if len(args.sizes) > 1 else 1
        print(f"{lang:4} " + " ".join(f"{t:8.2f} s" for t in times) + f"   {ratio:.2f} (size x{size_ratio:g})")
        if ratio > MAX_RATIO * size_ratio / 4:
            failed.append(lang)
    if failed:
        raise SystemExit(f"error: extraction grows faster than linearly for {', '.join(failed)}")


if __name__ == "__main__":
    main()
