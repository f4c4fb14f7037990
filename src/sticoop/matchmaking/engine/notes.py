"""What the engine says about a match, as data: a ``code`` and its ``params``, never a sentence to parse back.

Pages translate a note by its code (``matchmaking.pages.NOTE_MESSAGES``); API clients also get ``text``, the
same note in English, built here from the same code. Every code the engine can emit is a key of
:data:`NOTE_TEXTS` (a note with another code cannot be built), so a test can walk them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: the query profile's language has no embeddings: matched by keywords only (params: ``language``, a BCP 47 tag)
QUERY_LANGUAGE_UNSUPPORTED = "query_language_unsupported"
#: the matched profile's language has no embeddings (params: ``language``)
MATCH_LANGUAGE_UNSUPPORTED = "match_language_unsupported"
#: the query seeks partner types the matched profile's owner is not (params: ``owner_type``, the match owner's)
MATCH_OWNER_NOT_SOUGHT = "match_owner_not_sought"
#: the matched profile seeks partner types the query's owner is not (params: ``owner_type``, the query owner's)
QUERY_OWNER_NOT_SOUGHT = "query_owner_not_sought"

#: the query profile's vector is not computed yet (a background job does it after the write): matched by keywords,
#: fields and partner criteria meanwhile (no params). This and the next are emitted by ``matchmaking.service`` in
#: place of the language notes, which the engine gives for any profile without a vector
QUERY_VECTOR_PENDING = "query_vector_pending"
#: the matched profile's vector is not computed yet (no params)
MATCH_VECTOR_PENDING = "match_vector_pending"

#: code → English text (``str.format`` over the params), for API clients and logs
NOTE_TEXTS: dict[str, str] = {
    QUERY_LANGUAGE_UNSUPPORTED: "this profile is in a language the embedding model does not support ({language}): "
                                "matched by keywords only",
    MATCH_LANGUAGE_UNSUPPORTED: "the matched profile is in a language the embedding model does not support "
                                "({language}): matched by keywords only",
    MATCH_OWNER_NOT_SOUGHT: "the matched profile's owner is not a partner type this profile seeks ({owner_type})",
    QUERY_OWNER_NOT_SOUGHT: "this profile's owner is not a partner type the matched profile seeks ({owner_type})",
    QUERY_VECTOR_PENDING: "semantic part pending: this profile's meaning vector is still being computed; matched "
                          "by keywords, fields and partner criteria meanwhile",
    MATCH_VECTOR_PENDING: "semantic part pending: the matched profile's meaning vector is still being computed; "
                          "matched by keywords, fields and partner criteria meanwhile",
}


@dataclass(frozen=True)
class Note:
    """One remark on a match: ``code`` (a key of :data:`NOTE_TEXTS`) and the values its text names."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in NOTE_TEXTS:
            raise ValueError(f"unknown note code '{self.code}'; one of: {', '.join(NOTE_TEXTS)}")

    @property
    def text(self) -> str:
        """The note in English."""
        return NOTE_TEXTS[self.code].format(**self.params)

    def to_dict(self) -> dict[str, Any]:
        """``{"code", "params", "text"}``: the JSON form the API returns."""
        return {"code": self.code, "params": dict(self.params), "text": self.text}
