"""Write `real_split.json`: a deterministic tuning / held-out split of ../shared/corpus/real.

Rule (fixed before any rule was changed for issue 11 part 2): within each language, sort the file names and hold
out every third file (0-based index i with i % 3 == 2); the rest is the tuning part. Run from the repository root:
`python tests/ingest/realsplit/make_split.py ../shared/corpus/real`.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path


def split(folder: Path) -> dict[str, list[str]]:
    """{"tuning": [...], "heldout": [...]} file names, stratified by the files' `language`."""
    by_lang: dict[str, list[str]] = defaultdict(list)
    for f in sorted(folder.glob("*.json")):
        by_lang[json.loads(f.read_text(encoding="utf-8"))["language"]].append(f.name)
    out: dict[str, list[str]] = {"tuning": [], "heldout": []}
    for lang in sorted(by_lang):
        for i, name in enumerate(sorted(by_lang[lang])):
            out["heldout" if i % 3 == 2 else "tuning"].append(name)
    return {k: sorted(v) for k, v in out.items()}


if __name__ == "__main__":
    target = Path(__file__).with_name("real_split.json")
    data = {"rule": "per language, sorted file names, every third (i % 3 == 2) held out", **split(Path(sys.argv[1]))}
    target.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['tuning'])} tuning, {len(data['heldout'])} held out -> {target}")
