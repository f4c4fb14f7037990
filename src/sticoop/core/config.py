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
    # serving under load (see README "Serving many users" and server/backpressure.py)
    database_replica_urls: str | None = Field(
        default=None, description="Comma-separated URLs of read replicas (PostgreSQL); GETs read there unless the "
                                  "client wrote within replica_lag_seconds (core/replicas.py).")
    replica_lag_seconds: int = Field(default=10, ge=1, le=3600,
                                     description="How long after a write a client keeps reading from the primary.")
    workers: int = Field(default=1, ge=1, le=64, description="Worker processes of `sticoop serve`.")
    worker_start_seconds: int = Field(
        default=120, ge=5, le=3600,
        description="Seconds a worker process of `sticoop serve --workers N` may take to answer its supervisor's "
                    "health check (while it starts: imports, model warm-up; later, a worker silent this long is "
                    "replaced). uvicorn's default of 5 s made a busy machine kill and restart every starting "
                    "worker forever.")
    db_pool_size: int = Field(default=10, ge=1, le=500,
                              description="Database connections each worker keeps open (PostgreSQL and SQLite).")
    db_max_overflow: int = Field(default=5, ge=0, le=500,
                                 description="Extra connections a worker may open beyond the pool at a peak.")
    db_pool_timeout: float = Field(default=10.0, gt=0, le=300,
                                   description="Seconds a request waits for a pooled connection before a 503.")
    max_concurrent_requests: int | None = Field(
        default=None, ge=1, le=10_000,
        description="Requests a worker serves at once; the others wait (queue_wait_ms) then get 503 + Retry-After. "
                    "Default: db_pool_size + db_max_overflow, so no request waits for a connection.")
    queue_wait_ms: int = Field(default=2_000, ge=0, le=60_000,
                               description="How long a request may wait for a free slot before the 503 (ms).")
    retry_after_seconds: int = Field(default=1, ge=1, le=3600, description="The Retry-After of a busy 503 (s).")
    # IATI activity export (projects/iati): who publishes, as IATI's reporting-org; see README "IATI export"
    iati_reporting_org_ref: str | None = Field(
        default=None, description="Reporting organisation's IATI identifier (org-id.guide, e.g. XM-DAC-41114); "
                                  "prefixes every iati-identifier. The export is refused until it is set.")
    iati_reporting_org_name: str | None = Field(default=None, description="Reporting organisation's name.")
    iati_reporting_org_type: int = Field(
        default=10, ge=10, le=90, description="IATI OrganisationType code of the reporting organisation "
                                              "(10 Government, 15 Other public sector, 80 Academic...).")
    iati_reporting_country: str | None = Field(
        default=None, description="ISO 3166-1 country of the reporting organisation, left out of the "
                                  "recipient countries (alpha-2 or alpha-3).")
    queue_url: str | None = Field(
        default=None,
        description="Where background jobs wait: unset, a SQLite file of its own (data_dir/queue.db, no server); "
                    "redis://host:port/db or postgresql://user@host/db for a broker shared by several workers.",
    )
    job_heartbeat_seconds: float = Field(default=30.0, gt=0, le=3600, description="How often a worker records "
                                         "that a running job is still alive (seconds).")
    job_stale_minutes: float = Field(default=10.0, gt=0, description="A running job without a heartbeat for this "
                                     "many minutes lost its worker (killed, machine down) and is swept: marked "
                                     "failed, or queued again for kinds that may be re-run.")
    # calendar feeds and reminders (sticoop.calendar)
    base_url: str = Field(default="http://127.0.0.1:8000", description="Absolute address of the site, used in "
                          "e-mailed links and calendar subscription URLs (no trailing slash needed).")
    timezone: str = Field(default="UTC", description="IANA zone of local times that carry none (e.g. "
                          "Asia/Ho_Chi_Minh): brokerage slots of an event whose country has several zones.")
    calendar_refresh_minutes: int = Field(default=60, ge=5, description="How often subscribed calendars should "
                                          "fetch a feed again (REFRESH-INTERVAL), in minutes.")
    agreement_warning_days: int = Field(default=90, ge=1, description="Days before an agreement's expiry at "
                                        "which its calendar feed shows a warning item.")
    smtp_host: str | None = Field(default=None, description="SMTP server for reminders; none: no mail is sent.")
    smtp_port: int = Field(default=587, description="SMTP server port (587 submission, 25 relay, 465 not used).")
    smtp_user: str | None = Field(default=None, description="SMTP user name, if the server requires a login.")
    smtp_password: str | None = Field(default=None, description="SMTP password for smtp_user.")
    smtp_from: str = Field(default="sticoop <sticoop@localhost>", description="From address of reminders.")
    smtp_starttls: bool = Field(default=True, description="Upgrade the SMTP connection with STARTTLS first.")

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'sticoop.db').resolve()}"

    @property
    def queue_path(self) -> Path:
        """The embedded job queue's SQLite file (used when ``queue_url`` is unset)."""
        return self.data_dir / "queue.db"

    @property
    def documents_dir(self) -> Path:
        return self.data_dir / "documents"


@lru_cache
def get_settings() -> Settings:
    return Settings()
