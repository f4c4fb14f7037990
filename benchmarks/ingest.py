"""Ingest extraction speed: articles per second per core, end to end, against a bare spaCy baseline.

Method
------
1. Corpus: the labelled dev articles (../shared/corpus/dev) plus tests/ingest/corpus, repeated and varied until
   there are at least 500 (N_ARTICLES) documents. Each copy is varied (paragraphs after the lead rotated, a copy
   number appended) so that no cache sees the same text twice. Copies are written as .txt files in a temp dir.
2. Warm-up (not timed): language detector and spaCy models are loaded and run on a few documents; the load time
   is reported separately because a long-running ingest service pays it once.
3. End to end (timed, one process = one core): for each file, read it (`readers.read_document`), detect its
   language (`language.detect_language`), extract (`extract.extract`, spaCy NER included for en/fr, and
   dateparser resolving every date expression the patterns locate).
   articles/s/core = articles / CPU seconds of this process (wall-clock figure printed too).
4. Baseline (timed, same run): the bare spaCy pipelines (`spacy.load(...)`, all default components) with
   `nlp.pipe` on the same English and French texts (spaCy has no Vietnamese model here, so Vietnamese texts
   are not in the baseline), and the NER-only pipeline extraction actually uses.
5. Peak memory: resident set size high-water mark of the process (resource.getrusage), plus tracemalloc's
   peak of Python allocations during a separate 100-article pass (tracemalloc slows the code, so the timed
   pass runs without it).

Run: `python benchmarks/ingest.py` (about a minute on 2 cores). Target: >= 20 articles/s/core.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sticoop.ingest.extract import extract  # noqa: E402
from sticoop.ingest.extract import nlp as nlp_mod  # noqa: E402
from sticoop.ingest.language import detect_language  # noqa: E402
from sticoop.ingest.readers import read_document  # noqa: E402

N_ARTICLES = 520
SOURCES = [ROOT.parent / "shared/corpus/dev", ROOT / "tests/ingest/corpus"]


def load_corpus() -> list[dict]:
    docs = []
    for folder in SOURCES:
        for f in sorted(folder.glob("*.json")):
            docs.append(json.loads(f.read_text(encoding="utf-8")))
    if not docs:
        raise SystemExit("no corpus found in " + ", ".join(map(str, SOURCES)))
    return docs


def vary(text: str, copy: int) -> str:
    paras = [p for p in text.split("\n\n") if p.strip()]
    if len(paras) > 2:
        body = paras[1:]
        k = copy % len(body)
        paras = [paras[0], *body[k:], *body[:k]]
    return "\n\n".join(paras) + f"\n\n(copy {copy})"


def build(tmp: Path, docs: list[dict]) -> list[tuple[Path, date | None, str]]:
    items = []
    i = 0
    while len(items) < N_ARTICLES:
        d = docs[i % len(docs)]
        path = tmp / f"{i:04d}.txt"
        path.write_text(vary(d["text"], i // len(docs)), encoding="utf-8")
        pub = date.fromisoformat(d["published"]) if d.get("published") else None
        items.append((path, pub, d["language"]))
        i += 1
    return items


def end_to_end(items: list[tuple[Path, date | None, str]]) -> tuple[float, float, int]:
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for path, pub, _ in items:
        doc = read_document(path)
        lang = detect_language(doc.text)
        if lang.supported:
            extract(doc.text, published=pub, language=lang.code)
            n += 1
    return time.perf_counter() - t0, time.process_time() - c0, n


def baseline(texts_by_lang: dict[str, list[str]], ner_only: bool) -> tuple[float, float, int]:
    import spacy

    total_wall = total_cpu = 0.0
    n = 0
    for lang, texts in texts_by_lang.items():
        nlp = nlp_mod.load(lang) if ner_only else spacy.load(nlp_mod.MODELS[lang])
        if nlp is None:
            continue
        list(nlp.pipe(texts[:5]))  # warm-up
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=64):
            n += 1
        total_wall += time.perf_counter() - t0
        total_cpu += time.process_time() - c0
    return total_wall, total_cpu, n


def main() -> None:
    docs = load_corpus()
    with tempfile.TemporaryDirectory() as tmpdir:
        items = build(Path(tmpdir), docs)
        langs = {}
        for _, _, lang in items:
            langs[lang] = langs.get(lang, 0) + 1
        print(f"corpus: {len(items)} articles from {len(docs)} labelled originals; languages {langs}")

        t0 = time.perf_counter()
        for path, pub, _ in items[:30]:  # warm-up: loads lingua + both spaCy models
            text = read_document(path).text
            extract(text, published=pub, language=detect_language(text).code)
        print(f"warm-up (model loading + 30 articles): {time.perf_counter() - t0:.1f} s")

        wall2, cpu2, n2 = end_to_end(items)
        rate = n2 / cpu2
        print(f"end to end (read + detect + extract): {n2} articles in {wall2:.2f} s wall, {cpu2:.2f} s CPU")
        print(f"  -> {rate:.1f} articles/s/core (target >= 20)   [{n2 / wall2:.1f} articles/s wall]")
        # tracemalloc slows Python code down: measure allocations on a separate, shorter pass
        tracemalloc.start()
        end_to_end(items[:100])
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        texts_by_lang: dict[str, list[str]] = {}
        for path, _, lang in items:
            if lang in nlp_mod.MODELS:
                texts_by_lang.setdefault(lang, []).append(path.read_text(encoding="utf-8"))
        bw, bc, bn = baseline(texts_by_lang, ner_only=False)
        print(
            f"baseline bare spaCy nlp.pipe, full default pipelines (en+fr only): {bn} texts in {bc:.2f} s CPU "
            f"-> {bn / bc:.1f} texts/s/core"
        )
        nw, nc, nn = baseline(texts_by_lang, ner_only=True)
        print(
            f"baseline spaCy nlp.pipe, NER-only pipelines used by extraction: {nn} texts in {nc:.2f} s CPU "
            f"-> {nn / nc:.1f} texts/s/core"
        )

    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    print(
        f"peak memory: {peak_rss:.0f} MiB resident (whole process, models included); "
        f"{traced_peak / 1048576:.1f} MiB peak Python allocations during a 100-article pass"
    )


if __name__ == "__main__":
    main()
