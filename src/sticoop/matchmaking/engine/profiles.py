"""The matching view of a partnering profile, and which kinds of profile complement each other.

This is a plain dataclass on purpose: the database models map onto it, and the engine stays free of any
storage concern. Validation here is about what the *engine* needs (a known kind, a TRL in 1–9, some text);
form-level validation with user-facing messages belongs to the web layer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from dataclasses import dataclass, field

KINDS: tuple[str, ...] = ("technology_offer", "technology_request", "rd_cooperation", "business_offer")
STATUSES: tuple[str, ...] = ("draft", "published", "expired", "withdrawn")
IPR_STATUSES: tuple[str, ...] = ("patent_granted", "patent_applied", "secret_know_how", "copyright", "none")

# Who answers whom in a technology marketplace (EEN partnering conventions): an offer answers a request,
# a business/partnership offer answers a request or another business offer, R&D cooperation requests
# look for each other. The relation is symmetric.
COMPLEMENTARY_KINDS: dict[str, frozenset[str]] = {
    "technology_offer": frozenset({"technology_request"}),
    "technology_request": frozenset({"technology_offer", "business_offer"}),
    "business_offer": frozenset({"technology_request", "business_offer"}),
    "rd_cooperation": frozenset({"rd_cooperation"}),
}

# Only the beginning of a long description is embedded: it carries the gist, and e5 cost grows with length.
MAX_EMBED_CHARS = 1500


def text_fingerprint(text: str) -> str:
    """The 32-hex-digit hash stored next to a vector: equal texts, equal fingerprints (sha256 of UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def is_complementary(kind_a: str, kind_b: str) -> bool:
    """True when a profile of ``kind_a`` is an answer to one of ``kind_b`` (symmetric)."""
    return kind_b in COMPLEMENTARY_KINDS.get(kind_a, frozenset())


def normalise_language(code: str | None) -> str | None:
    """``"vi-VN"`` / ``"VI"`` → ``"vi"``; empty → None."""
    if not code:
        return None
    return code.strip().replace("_", "-").split("-")[0].lower() or None


@dataclass
class Profile:
    """A technology offer/request, R&D cooperation request or business offer, as the matcher sees it.

    ``trl`` is the readiness level of the technology offered, or for a request the minimum level the
    requester needs. Countries are ISO 3166 alpha-3 codes. ``id`` is whatever key the database uses.
    ``owner_type`` is the kind of organisation behind the profile (university, company…), which the other
    side's ``partner_sought_types`` is compared with.
    """

    id: Hashable
    kind: str
    title: str = ""
    summary: str = ""
    description: str = ""
    language: str | None = "en"
    fields: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    trl: int | None = None
    ipr_status: str | None = None
    partner_sought_countries: list[str] = field(default_factory=list)
    partner_sought_types: list[str] = field(default_factory=list)
    owner_country: str | None = None
    status: str = "published"
    owner_type: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"profile {self.id!r}: unknown kind {self.kind!r}; "
                             f"expected one of {', '.join(KINDS)}")
        if self.status not in STATUSES:
            raise ValueError(f"profile {self.id!r}: unknown status {self.status!r}; "
                             f"expected one of {', '.join(STATUSES)}")
        if self.trl is not None and (isinstance(self.trl, bool) or not isinstance(self.trl, int)
                                     or not 1 <= self.trl <= 9):
            raise ValueError(f"profile {self.id!r}: TRL must be an integer from 1 to 9, got {self.trl!r}")
        if self.ipr_status is not None and self.ipr_status not in IPR_STATUSES:
            raise ValueError(f"profile {self.id!r}: unknown IPR status {self.ipr_status!r}; "
                             f"expected one of {', '.join(IPR_STATUSES)}")
        self.language = normalise_language(self.language)
        self.partner_sought_countries = [c.strip().upper() for c in self.partner_sought_countries
                                         if c and c.strip()]
        self.owner_country = self.owner_country.strip().upper() if self.owner_country else None
        self.partner_sought_types = [t.strip() for t in self.partner_sought_types if t and t.strip()]
        self.owner_type = self.owner_type.strip() if self.owner_type and self.owner_type.strip() else None
        self.fields = list(dict.fromkeys(f.strip() for f in self.fields if f and f.strip()))
        self.keywords = [k.strip() for k in self.keywords if k and k.strip()]

    def has_text(self) -> bool:
        return any(s and s.strip() for s in (self.title, self.summary, self.description))

    def require_text(self) -> None:
        """Raise ValueError when there is nothing to match on."""
        if not self.has_text():
            raise ValueError(f"profile {self.id!r} has no text: title, summary and description are all "
                             "empty; write at least a title and a summary before it can be matched")

    def keyword_text(self) -> str:
        """Everything BM25 sees: title, summary, keywords and the full description."""
        parts = (self.title, self.summary, " ".join(self.keywords), self.description)
        return "\n".join(s for s in parts if s)

    def embedding_text(self) -> str:
        """What the embedder sees: title, summary and keywords first, then the start of the description."""
        head = ". ".join(s.strip().rstrip(".") for s in (self.title, self.summary) if s and s.strip())
        parts = [head]
        if self.keywords:
            parts.append(", ".join(self.keywords))
        if self.description and self.description.strip():
            parts.append(self.description.strip())
        return "\n".join(p for p in parts if p)[:MAX_EMBED_CHARS]

    def fingerprint(self) -> str:
        """Hash of the embedded text: store it next to the vector; a new one means re-embed."""
        return text_fingerprint(self.embedding_text())
