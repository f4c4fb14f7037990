"""Domain errors. Services raise these; the web layer maps each to an HTTP status with a JSON message."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    status_code = 400

    def __init__(self, message: str, *, field: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.details = details

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"detail": self.message}
        if self.field:
            body["field"] = self.field
        if self.details is not None:
            body["details"] = self.details
        return body


class NotAuthenticated(DomainError):
    """Not signed in, or credentials that do not hold (a wrong password, a revoked token)."""

    status_code = 401


class Forbidden(DomainError):
    """Signed in, but the role does not allow it."""

    status_code = 403


class TooManyRequests(DomainError):
    status_code = 429


class NotFound(DomainError):
    status_code = 404


class Merged(NotFound):
    """The record was merged into another: its old id answers 404 with ``merged_into`` (pages redirect)."""

    def __init__(self, message: str, *, entity: str, from_id: int, into_id: int) -> None:
        super().__init__(message)
        self.entity = entity
        self.from_id = from_id
        self.into_id = into_id

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "merged_into": self.into_id}


class Conflict(DomainError):
    """A uniqueness clash or a stale version: the client must reload and try again."""

    status_code = 409


class ValidationFailed(DomainError):
    status_code = 422


class PayloadTooLarge(DomainError):
    status_code = 413


class Unavailable(DomainError):
    """A capability whose system dependency is missing on this machine (said plainly, never a crash)."""

    status_code = 503


class DuplicatesFound(Conflict):
    """A new record probably duplicates existing ones: 409 with the candidates at the top of the body,
    ``{"detail": ..., "duplicates": [{"id", "name", "why"}]}``; the client may resend with ``allow_duplicate``."""

    def __init__(self, message: str, duplicates: list[dict[str, Any]], *, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.duplicates = duplicates

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "duplicates": self.duplicates}
