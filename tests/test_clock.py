"""One clock: every figure reads ``sticoop.core.clock``, and no test depends on the real date.

The walk below parses every Python file of ``src/`` and ``tests/`` and fails on a call that reads the real date
or time (``date.today()``, ``datetime.now()``, ``datetime.utcnow()``, ``datetime.today()``, ``time.time()``,
under any alias) outside ``core/clock.py`` and the allow-list, each entry with its reason.
"""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sticoop.core import clock
from sticoop.core.config import get_settings

ROOT = Path(__file__).resolve().parents[1]
CLOCK_READS = {"today", "now", "utcnow"}

#: file (relative to the repository) → why it may read the real clock
ALLOWED: dict[str, str] = {
    "src/sticoop/core/clock.py": "the one place that reads the real clock (wall_clock, now, today)",
    "tests/test_clock.py": "checks that an unpinned clock answers the real date",
}


def real_clock_reads(path: Path) -> list[str]:
    """``line: call`` for each call of ``X.today()``, ``X.now()``, ``X.utcnow()`` or ``time.time()`` in a file,
    except calls on ``clock`` itself (``clock.today()`` is the way)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        owner_name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) \
            else ""
        if owner_name == "clock":
            continue
        attr = node.func.attr
        if attr in CLOCK_READS or (attr == "time" and owner_name == "time"):
            found.append(f"{node.lineno}: {owner_name}.{attr}()")
    return found


def python_files() -> list[Path]:
    return sorted(p for top in ("src", "tests") for p in (ROOT / top).rglob("*.py"))


def test_no_code_or_test_reads_the_real_clock_outside_core_clock() -> None:
    offenders = {}
    for path in python_files():
        relative = path.relative_to(ROOT).as_posix()
        if relative in ALLOWED:
            continue
        reads = real_clock_reads(path)
        if reads:
            offenders[relative] = reads
    assert offenders == {}, f"read sticoop.core.clock instead of the real clock: {offenders}"


def test_the_walk_finds_every_spelling(tmp_path: Path) -> None:
    """The detector is not blind: each way of reading the real clock is caught, ``clock.today()`` is not."""
    sample = tmp_path / "sample.py"
    sample.write_text("import datetime as dt\nfrom datetime import date as Date\nimport time\n"
                      "a = Date.today()\nb = dt.datetime.now()\nc = dt.datetime.utcnow()\nd = time.time()\n"
                      "e = dt.date.today()\nfrom sticoop.core import clock\nf = clock.today()\ng = clock.now()\n")
    assert [r.split(": ")[1] for r in real_clock_reads(sample)] == \
        ["Date.today()", "datetime.now()", "datetime.utcnow()", "time.time()", "date.today()"]


def test_every_allowed_file_exists_and_still_needs_its_exception() -> None:
    for relative, reason in ALLOWED.items():
        assert reason and (ROOT / relative).exists(), relative
        assert real_clock_reads(ROOT / relative), f"{relative} no longer reads the clock: drop it from ALLOWED"


def test_tests_run_on_a_pinned_day(pinned_today: date) -> None:
    assert clock.today() == pinned_today == date(2026, 6, 15)
    assert clock.now() == datetime(2026, 6, 15, 12, tzinfo=UTC)


def test_pinned_block_restores_the_day_before() -> None:
    before = clock.today()
    with clock.pinned(date(2028, 2, 29)) as day:
        assert day == clock.today() == date(2028, 2, 29)
        with clock.pinned(datetime(2030, 1, 1, 23, 30)):
            assert clock.now() == datetime(2030, 1, 1, 23, 30, tzinfo=UTC)
        assert clock.today() == date(2028, 2, 29)
    assert clock.today() == before


def test_setting_pins_today_and_unpinned_clock_is_the_real_utc_date(monkeypatch: pytest.MonkeyPatch) -> None:
    clock.pin(None)
    get_settings.cache_clear()
    try:
        real = datetime.now(UTC).date()
        assert clock.today() in (real, date.fromordinal(real.toordinal() + 1))  # midnight may pass in between
        assert clock.now().tzinfo is not None
        monkeypatch.setenv("STICOOP_TODAY", "2031-12-31")
        get_settings.cache_clear()
        assert clock.today() == date(2031, 12, 31)
        assert clock.wall_clock().date() != date(2031, 12, 31) or real == date(2031, 12, 31)  # never pinned
    finally:
        monkeypatch.delenv("STICOOP_TODAY", raising=False)
        get_settings.cache_clear()
