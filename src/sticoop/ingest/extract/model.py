"""Result types of extraction: every value carries its evidence (character span + confidence).

The review page highlights evidence spans in the text, so values are never bare strings internally;
`Extraction.to_labels()` flattens them to the corpus `labels` format used for scoring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sticoop.ingest.labels import Labels, parse_labels


@dataclass(frozen=True)
class Evidence:
    """Where a value was read in the text (start/end character offsets) and how sure the rule is (0..1)."""

    start: int
    end: int
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "confidence": round(self.confidence, 3)}


@dataclass
class Value:
    """One extracted value (a code, a name, a date...) with its evidence."""

    value: Any
    evidence: Evidence


@dataclass
class Person:
    name: Value
    role: str | None = None
    country: str | None = None


@dataclass
class Organization:
    name: Value
    acronym: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    known: bool = False  # matched in the gazetteer


@dataclass
class Committee:
    name: Value
    session_number: int | None = None
    session_evidence: Evidence | None = None
    previous_number: int | None = None
    previous_year: int | None = None


@dataclass
class Agreement:
    title: Value
    status: str  # signed | planned | discussed | renewed
    date: str | None = None


@dataclass
class Extraction:
    """Everything read from one document."""

    language: str | None = None
    event_type: Value | None = None
    event_date: Value | None = None
    countries: list[Value] = field(default_factory=list)
    location_country: Value | None = None
    committee: Committee | None = None
    organizations: list[Organization] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    fields: list[Value] = field(default_factory=list)
    programmes: list[Value] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    commitments: list[Value] = field(default_factory=list)

    def to_labels(self, with_evidence: bool = True) -> dict[str, Any]:
        """The corpus `labels` format (see ../shared/README.md), plus `evidence` and `confidence` keys, checked
        against the labels schema (`Labels`) and dumped to plain JSON-ready data."""
        committee = None
        if self.committee is not None:
            committee = {"name": self.committee.name.value, "session_number": self.committee.session_number}
            if self.committee.previous_number is not None:
                committee["previous_session"] = {
                    "number": self.committee.previous_number,
                    "year": self.committee.previous_year,
                }
        labels: dict[str, Any] = {
            "event_type": self.event_type.value if self.event_type else "other_cooperation",
            "event_date": self.event_date.value if self.event_date else None,
            "countries": sorted({v.value for v in self.countries}),
            "location_country": self.location_country.value if self.location_country else None,
            "committee": committee,
            "organizations": [o.name.value for o in self.organizations],
            "people": [{"name": p.name.value, "role": p.role, "country": p.country} for p in self.people],
            "fields": [v.value for v in self.fields],
            "programmes": [v.value for v in self.programmes],
            "agreements": [
                {"title": a.title.value, "status": a.status, "date": a.date} for a in self.agreements
            ],
            "commitments": [v.value for v in self.commitments],
        }
        if with_evidence:
            labels["evidence"] = self.evidence()
            labels["confidence"] = round(self.confidence(), 3)
        return self._checked(labels).model_dump(exclude_unset=True)

    def labels(self, with_evidence: bool = True) -> Labels:
        """The same as `to_labels`, as the typed schema (`sticoop.ingest.labels.Labels`)."""
        return self._checked(self.to_labels(with_evidence))

    @staticmethod
    def _checked(labels: dict[str, Any]) -> Labels:
        """Every extraction fits the labels schema; a rule that writes something else fails here, loudly."""
        return parse_labels(labels)

    def _values(self) -> list[tuple[str, Value]]:
        out: list[tuple[str, Value]] = []
        for key in ("event_type", "event_date", "location_country"):
            v = getattr(self, key)
            if v is not None:
                out.append((key, v))
        out += [("countries", v) for v in self.countries]
        out += [("fields", v) for v in self.fields]
        out += [("programmes", v) for v in self.programmes]
        out += [("commitments", v) for v in self.commitments]
        out += [("organizations", o.name) for o in self.organizations]
        out += [("people", p.name) for p in self.people]
        out += [("agreements", a.title) for a in self.agreements]
        if self.committee is not None:
            out.append(("committee", self.committee.name))
        return out

    def evidence(self) -> dict[str, list[dict[str, Any]]]:
        """Per label key, the evidence of each value in output order."""
        result: dict[str, list[dict[str, Any]]] = {}
        for key, v in self._values():
            result.setdefault(key, []).append({"value": v.value, **v.evidence.as_dict()})
        if self.committee is not None and self.committee.session_evidence is not None:
            result["session_number"] = [
                {"value": self.committee.session_number, **self.committee.session_evidence.as_dict()}
            ]
        return result

    def confidence(self) -> float:
        """Mean confidence of all values (0 when nothing was found)."""
        values = [v.evidence.confidence for _, v in self._values()]
        return sum(values) / len(values) if values else 0.0
