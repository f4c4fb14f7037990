"""CLI plumbing shared by every domain's commands: one-line errors and non-zero exits, never a traceback."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer
from sqlalchemy.exc import SQLAlchemyError

from sticoop.core.errors import DomainError

P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def cli_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn the errors a user can cause into one line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except DomainError as exc:
            raise fail(exc.message) from None
        except (OSError, ValueError) as exc:
            raise fail(str(exc)) from None
        except SQLAlchemyError as exc:
            first_line = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise fail(f"database: {first_line}") from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper
