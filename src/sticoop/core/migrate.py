"""Schema migrations, run by `sticoop db upgrade`, `make run` and the test fixtures alike."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from sticoop.core.config import get_settings

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url or get_settings().effective_database_url)
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)
