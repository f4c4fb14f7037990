"""Runtime configuration, read from the environment (prefix ``STICOOP_``) and an optional ``.env`` file."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STICOOP_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="Where the SQLite file and stored documents live.")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; defaults to a SQLite file under data_dir."
    )
    host: str = "127.0.0.1"
    port: int = 8000
    default_locale: str = "en"
    max_request_bytes: int = Field(default=2_000_000, description="Largest JSON body the API accepts.")
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, description="Largest uploaded document.")
    page_size_max: int = 200
    session_hours: int = Field(default=12, description="How long a browser stays signed in.")
    secure_cookies: bool | None = Field(
        default=None, description="Mark cookies Secure; by default only when the request came over HTTPS."
    )
    login_attempts_per_ip: int = Field(
        default=20, description="Failed sign-ins allowed from one address per 15 minutes before it must wait."
    )
    today: date | None = Field(
        default=None, description="Pin 'today' for every figure (ISO date), e.g. to replay a report; see core/clock.py."
    )
    work_processes: int = Field(
        default=2, ge=1, le=64, description="Worker processes that read and extract uploaded documents.")
    work_timeout_seconds: float = Field(
        default=120.0, gt=0, description="Longest time one document may take to be read and extracted, seconds.")
    work_queue: int = Field(
        default=8, ge=1, description="Documents being read at once (queued or running); beyond, 503 busy.")
    pg_bin_dir: Path | None = Field(
        default=None, description="Folder holding pg_dump and pg_restore (backup/restore of PostgreSQL); "
        "by default they are looked up on PATH, then in /usr/lib/postgresql/<version>/bin.")
    echo_sql: bool = False

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'sticoop.db').resolve()}"

    @property
    def documents_dir(self) -> Path:
        return self.data_dir / "documents"


@lru_cache
def get_settings() -> Settings:
    return Settings()
