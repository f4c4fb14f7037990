"""``sticoop export --format iati -o FILE``: the operator's IATI export (every non-confidential project, or
those of the filters), written beside FILE and renamed at the end; projects left out are named on stderr."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from pydantic import ValidationError

from sticoop.core.database import new_session
from sticoop.core.errors import ValidationFailed
from sticoop.core.listing import ListParams


def export_iati(output: Path, filters: dict[str, object], strict: bool = False) -> None:
    """Write the IATI 2.03 document of the filtered projects to ``output``; print each project left out with
    its reasons on stderr. Raises ValidationFailed when nothing can be written, when a filter is wrong, or
    (``strict``) when any project is left out; then no file is written."""
    from sticoop.projects.iati import service

    try:
        params = ListParams(**{k: v for k, v in filters.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ValidationFailed(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    db = new_session()
    try:
        result = service.export(db, params)
    finally:
        db.close()
    for checked in result.left_out:
        reasons = "; ".join(r.message for r in checked.reasons)
        typer.echo(f"left out: project {checked.project_id} ({checked.title}): {reasons}", err=True)
    if result.xml is None:
        raise ValidationFailed(f"no project can be exported validly to IATI ({len(result.left_out)} left out)")
    if strict and result.left_out:
        raise ValidationFailed(f"{len(result.left_out)} project(s) cannot be exported validly (--strict)")
    partial = output.with_name(output.name + ".part")
    try:
        partial.write_bytes(result.xml)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    typer.echo(f"exported {result.written} IATI activities to {output} ({len(result.left_out)} left out)", err=True)
