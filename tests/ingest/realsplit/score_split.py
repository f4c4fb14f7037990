"""Score one part of the real-corpus split (`real_split.json`) per language and per kind.

`python tests/ingest/realsplit/score_split.py FOLDER tuning|heldout|all [--errors]` prints micro F1 per language
and per kind (`all` scores every file of any folder, e.g. `tests/ingest/corpus/heldout5`); `--errors` also prints
each article's wrong items, never for the `heldout` part. A held-out part is only ever scored in aggregate, once
before and once after a round of rule changes (round 5: every real file is seen, `all --errors` is allowed).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from sticoop.ingest.evaluation import KINDS, Report, evaluate
from sticoop.ingest.extract import extract

SPLIT = Path(__file__).with_name("real_split.json")


def _load(folder: Path, part: str) -> list[tuple[str, dict[str, Any]]]:
    names = json.loads(SPLIT.read_text(encoding="utf-8"))[part] if part != "all" else None
    files = sorted(folder.glob("*.json"))
    return [(f.name, json.loads(f.read_text(encoding="utf-8"))) for f in files if names is None or f.name in names]


def _predict(obj: dict[str, Any]) -> dict[str, Any]:
    pub = date.fromisoformat(obj["published"]) if obj.get("published") else None
    return extract(obj["text"], published=pub, language=obj.get("language")).to_labels(with_evidence=False)


def _row(label: str, report: Report) -> str:
    cells = " ".join(f"{report.per_kind[k].f1:6.3f}" for k in KINDS)
    return f"{label:6} n={report.articles:2}  {cells}  micro {report.overall.f1:.3f}"


def main(folder: Path, part: str, errors: bool) -> None:
    if errors and part == "heldout":
        raise SystemExit("error: per-article errors are shown for the tuning part only")
    docs = _load(folder, part)
    preds = {name: _predict(obj) for name, obj in docs}
    print(f"part={part}  kinds: " + " ".join(k[:6] for k in KINDS))
    for lang in sorted({obj["language"] for _, obj in docs}) + ["all"]:
        chosen = [(n, o["labels"], preds[n]) for n, o in docs if lang == "all" or o["language"] == lang]
        print(_row(lang, evaluate(chosen)))
    if errors:
        for name, obj in docs:
            gold, pred = obj["labels"], preds[name]
            diffs = _diff(gold, pred)
            if diffs:
                print(f"--- {name} ({obj['language']})")
                for line in diffs:
                    print("   ", line)


def _diff(gold: dict[str, Any], pred: dict[str, Any]) -> list[str]:
    from sticoop.ingest.evaluation import score_article

    out = []
    for kind, c in score_article(gold, pred).items():
        if c.fp or c.fn:
            g, p = _view(kind, gold), _view(kind, pred)
            out.append(f"{kind}: gold={g} pred={p}")
    return out


def _view(kind: str, labels: dict[str, Any]) -> Any:
    if kind == "session_number":
        return (labels.get("committee") or {}).get("session_number")
    if kind == "people":
        return [p.get("name") for p in labels.get("people") or []]
    if kind == "agreements":
        return [(a.get("title"), a.get("status")) for a in labels.get("agreements") or []]
    return labels.get(kind)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]), args[1] if len(args) > 1 else "tuning", "--errors" in sys.argv)
