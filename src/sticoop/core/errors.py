"""Domain errors. Services raise these; the web layer maps each to an HTTP status with a JSON message.

An error may carry its message as a translatable code: ``NotFound(N_("%(label)s %(id)s does not exist"),
params={"label": ..., "id": 7})`` keeps the msgid in ``code`` and its arguments in ``params`` (JSON values; a
value ``{"code": msgid, "params": {...}}`` or a list of them is itself a message, translated in its turn),
and the English text in ``message``. Background jobs store the code and arguments and translate them when read
(``sticoop.jobs.messages``); an error without ``params`` has no code (``code`` None) and is shown as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def interpolate(text: str, args: Mapping[str, Any] | None) -> str:
    """``text % args`` (``%(name)s`` placeholders); ``text`` itself when there are no arguments or they do
    not fit (a translation that lost a placeholder reads untouched rather than failing). A nested message
    (``{"code", "params"}``, or a list of them, joined by "; ") is written out in English first."""
    if not args:
        return text
    try:
        return text % {key: english(value) for key, value in args.items()}
    except (KeyError, ValueError, TypeError):
        return text


def message_of(code: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A nested translatable message, as an argument of another: ``{"code": msgid, "params": {...}}``."""
    return {"code": code, "params": dict(params or {})}


def is_message(value: Any) -> bool:
    """Whether ``value`` is a nested message made by :func:`message_of`."""
    return isinstance(value, dict) and set(value) == {"code", "params"} and isinstance(value["code"], str)


def english(value: Any) -> Any:
    """An argument as the English text shows it: nested messages written out, lists of them joined by "; "."""
    if is_message(value):
        return interpolate(value["code"], value["params"])
    if isinstance(value, list) and value and all(is_message(v) for v in value):
        return "; ".join(english(v) for v in value)
    return value


def translated(translate: Callable[[str], str], code: str, params: Mapping[str, Any] | None) -> str:
    """The message ``code`` in a reader's language: ``translate(code)`` (a gettext function) filled with
    ``params``, nested messages translated in their turn (lists of them joined by "; ")."""
    return interpolate(translate(code), {key: _translated_value(translate, value)
                                         for key, value in (params or {}).items()})


def _translated_value(translate: Callable[[str], str], value: Any) -> Any:
    if is_message(value):
        return translated(translate, value["code"], value["params"])
    if isinstance(value, list) and value and all(is_message(v) for v in value):
        return "; ".join(translated(translate, v["code"], v["params"]) for v in value)
    return value


class DomainError(Exception):
    """A refusal the caller can act on: ``message`` (English), the ``field`` it concerns, ``details``; with
    ``params`` (a mapping, possibly empty) ``message`` is a translatable code (an ``N_()`` msgid with
    ``%(name)s`` placeholders) kept in ``code``, filled with ``params`` for ``message``."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None, details: Any = None,
                 params: Mapping[str, Any] | None = None) -> None:
        self.code: str | None = message if params is not None else None
        self.params: dict[str, Any] | None = dict(params) if params is not None else None
        text = interpolate(message, self.params)
        super().__init__(text)
        self.message = text
        self.field = field
        self.details = details

    def text_in(self, translate: Callable[[str], str]) -> str:
        """The message in a reader's language (``translate``: a gettext function): the code translated and
        filled when the error has one, the English text otherwise."""
        return translated(translate, self.code, self.params) if self.code is not None else self.message

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
