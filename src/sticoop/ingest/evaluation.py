"""Scoring of extraction against hand labels, exactly as ../shared/README.md describes.

Why a module of its own: the same rules are used by the outside team on articles kept back, so `sticoop eval`,
the tests and any outside script must agree on every detail (name normalisation, at-most-once matching, the
"absent from both counts as perfect" rule). Micro-averaging sums true/false positives and false negatives over
the seven item kinds and all articles.

The extraction also proposes an event type, a place, funding programmes, people's roles and countries, and
commitments; they are scored too (`EXTRA_KINDS`) and reported next to the headline, never inside it, so the
headline stays the figure the outside team computes. Free text is matched fairly rather than exactly: a
commitment or a role counts when its words overlap the gold wording enough (`TEXT_OVERLAP`), because two
careful readers never cut "agreed to organise a workshop in Sfax by the end of 2024" at the same words.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sticoop.ingest.extract.names import normalize_name

KINDS: tuple[str, ...] = (
    "countries",
    "organizations",
    "people",
    "event_date",
    "session_number",
    "fields",
    "agreements",
)

#: scored and reported, but outside the headline micro-average (which the outside team computes on KINDS)
EXTRA_KINDS: tuple[str, ...] = (
    "event_type",
    "location_country",
    "programmes",
    "people_roles",
    "people_countries",
    "commitments",
)
#: two free-text items match when the Dice overlap of their word sets reaches this
TEXT_OVERLAP = 0.5

_PAREN = re.compile(r"\(([^()]*)\)")



def _acronyms(name: str) -> set[str]:
    return {key for part in _PAREN.findall(name) if (key := normalize_name(part))}


def names_match(a: str, b: str) -> bool:
    """True when two organisation or person names denote the same thing under the scoring rules."""
    na, nb = normalize_name(a), normalize_name(b)
    if na and na == nb:
        return True
    if na and nb and difflib.SequenceMatcher(None, na, nb).ratio() >= 0.85:
        return True
    if len(na) > 8 and len(nb) > 8 and (na in nb or nb in na):
        return True
    return bool((nb and nb in _acronyms(a)) or (na and na in _acronyms(b)))


@dataclass
class Counts:
    """True positives, false positives and false negatives of one item kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _pair_names(gold: list[str], pred: list[str]) -> list[tuple[int, int]]:
    """(gold index, pred index) pairs, each name used at most once; exact keys are paired before fuzzy ones."""
    unmatched = list(range(len(pred)))
    pairs: list[tuple[int, int]] = []
    pending: list[int] = []
    for gi, g in enumerate(gold):
        key = normalize_name(g)
        hit = next((i for i in unmatched if normalize_name(pred[i]) == key and key), None)
        if hit is None:
            pending.append(gi)
        else:
            unmatched.remove(hit)
            pairs.append((gi, hit))
    for gi in pending:
        hit = next((i for i in unmatched if names_match(gold[gi], pred[i])), None)
        if hit is not None:
            unmatched.remove(hit)
            pairs.append((gi, hit))
    return pairs


def _match_names(gold: list[str], pred: list[str]) -> Counts:
    """Each predicted name is matched at most once; exact keys are paired before fuzzy ones."""
    tp = len(_pair_names(gold, pred))
    return Counts(tp, len(pred) - tp, len(gold) - tp)


def text_overlap(a: str, b: str) -> float:
    """Dice overlap (0..1) of the word sets of two free-text items, compared like names (no diacritics,
    case, punctuation or small words), so wording and word order may differ."""
    wa, wb = set(normalize_name(a).split()), set(normalize_name(b).split())
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def _match_texts(gold: list[str], pred: list[str]) -> Counts:
    """Free-text items paired best overlap first, each used at most once; a pair counts from TEXT_OVERLAP."""
    scored = sorted(
        ((text_overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for score, gi, pi in scored:
        if score < TEXT_OVERLAP:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    tp = len(used_g)
    return Counts(tp, len(pred) - tp, len(gold) - tp)


def _people(labels: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [p for p in labels.get("people") or [] if isinstance(p, Mapping) and isinstance(p.get("name"), str)]


def _person_attribute(gold: Mapping[str, Any], pred: Mapping[str, Any], key: str) -> Counts:
    """A person's role (or country) is an item of its own: right when the person is matched by name and the
    value agrees (roles by word overlap, countries exactly); a value given for an unmatched person is a
    false positive, a gold value not found a false negative. A person with no value is no item."""
    g_people, p_people = _people(gold), _people(pred)
    tp = 0
    for gi, pi in _pair_names([p["name"] for p in g_people], [p["name"] for p in p_people]):
        g_value, p_value = g_people[gi].get(key), p_people[pi].get(key)
        if not (isinstance(g_value, str) and isinstance(p_value, str) and g_value and p_value):
            continue
        same = text_overlap(g_value, p_value) >= TEXT_OVERLAP if key == "role" else g_value == p_value
        tp += int(same)
    n_gold = sum(1 for p in g_people if isinstance(p.get(key), str) and p.get(key))
    n_pred = sum(1 for p in p_people if isinstance(p.get(key), str) and p.get(key))
    return Counts(tp, n_pred - tp, n_gold - tp)


def _match_multiset(gold: Iterable[Any], pred: Iterable[Any]) -> Counts:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return Counts(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def _names(items: Any, key: str | None = None) -> list[str]:
    out: list[str] = []
    for item in items or []:
        value = item.get(key) if key and isinstance(item, Mapping) else item
        if isinstance(value, str) and value.strip():
            out.append(value)
    return out


def _session(labels: Mapping[str, Any]) -> list[int]:
    committee = labels.get("committee")
    if isinstance(committee, Mapping) and committee.get("session_number") is not None:
        return [committee["session_number"]]
    return []


def _single(value: Any) -> list[Any]:
    return [value] if value else []


_SCORERS: dict[str, Callable[[Mapping[str, Any], Mapping[str, Any]], Counts]] = {
    "countries": lambda g, p: _match_multiset(set(g.get("countries") or []), set(p.get("countries") or [])),
    "fields": lambda g, p: _match_multiset(set(g.get("fields") or []), set(p.get("fields") or [])),
    "organizations": lambda g, p: _match_names(
        _names(g.get("organizations")), _names(p.get("organizations"))
    ),
    "people": lambda g, p: _match_names(_names(g.get("people"), "name"), _names(p.get("people"), "name")),
    "event_date": lambda g, p: _match_multiset(_single(g.get("event_date")), _single(p.get("event_date"))),
    "session_number": lambda g, p: _match_multiset(_session(g), _session(p)),
    "agreements": lambda g, p: _match_multiset(
        [a.get("status") for a in g.get("agreements") or [] if isinstance(a, Mapping)],
        [a.get("status") for a in p.get("agreements") or [] if isinstance(a, Mapping)],
    ),
    "event_type": lambda g, p: _match_multiset(_single(g.get("event_type")), _single(p.get("event_type"))),
    "location_country": lambda g, p: _match_multiset(
        _single(g.get("location_country")), _single(p.get("location_country"))
    ),
    "programmes": lambda g, p: _match_names(_names(g.get("programmes")), _names(p.get("programmes"))),
    "people_roles": lambda g, p: _person_attribute(g, p, "role"),
    "people_countries": lambda g, p: _person_attribute(g, p, "country"),
    "commitments": lambda g, p: _match_texts(_names(g.get("commitments")), _names(p.get("commitments"))),
}


def score_article(
    gold: Mapping[str, Any], pred: Mapping[str, Any], kinds: tuple[str, ...] = KINDS
) -> dict[str, Counts]:
    """Counts per item kind for one article (gold and pred in the corpus `labels` format).

    An extra kind whose key the gold labels lack (e.g. `programmes`, optional in the corpus) is not scored
    for that article: an unlabelled field is not evidence that the prediction is wrong.
    """
    out: dict[str, Counts] = {}
    for kind in kinds:
        if kind in EXTRA_KINDS and _GOLD_KEY.get(kind, kind) not in gold:
            continue
        out[kind] = _SCORERS[kind](gold, pred)
    return out


_GOLD_KEY = {"people_roles": "people", "people_countries": "people"}


@dataclass
class Report:
    """Per-kind and overall (micro-averaged) figures over a set of articles."""

    per_kind: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    extra: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in EXTRA_KINDS})
    articles: int = 0
    per_article: list[dict[str, Any]] = field(default_factory=list)

    def add(self, name: str, counts: dict[str, Counts]) -> None:
        self.articles += 1
        total = Counts()
        for kind, c in counts.items():
            if kind in self.per_kind:
                self.per_kind[kind].add(c)
                total.add(c)
            else:
                self.extra[kind].add(c)
        self.per_article.append(
            {"article": name, "f1": round(total.f1, 4), "kinds": {k: c.as_dict() for k, c in counts.items()}}
        )

    @property
    def overall(self) -> Counts:
        """The headline: micro-average over KINDS only (the extra kinds are reported beside it)."""
        total = Counts()
        for c in self.per_kind.values():
            total.add(c)
        return total

    def as_dict(self, with_articles: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = {
            "articles": self.articles,
            "per_kind": {k: c.as_dict() for k, c in self.per_kind.items()},
            "overall": self.overall.as_dict(),
            "extra_kinds": {k: c.as_dict() for k, c in self.extra.items()},
        }
        if with_articles:
            result["per_article"] = self.per_article
        return result


def evaluate(pairs: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any]]]) -> Report:
    """Score (name, gold_labels, predicted_labels) triples: the headline kinds and the extra ones."""
    report = Report()
    for name, gold, pred in pairs:
        report.add(name, score_article(gold, pred, KINDS + EXTRA_KINDS))
    return report
