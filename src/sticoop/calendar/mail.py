"""Sending e-mail over SMTP with the ``STICOOP_SMTP_*`` settings (standard library ``smtplib``)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from types import TracebackType

from sticoop.core.config import Settings
from sticoop.core.errors import ValidationFailed
from sticoop.core.models import utcnow

#: seconds to wait for the SMTP server before a send counts as failed
SMTP_TIMEOUT = 30


class SmtpMailer:
    """One SMTP connection, opened at the first message and closed on leaving the ``with`` block.

    ``STICOOP_SMTP_HOST`` / ``PORT`` say where; ``STARTTLS`` (default on) upgrades the connection first;
    ``USER`` / ``PASSWORD`` log in when set; ``FROM`` is the sender. ``ValidationFailed`` (naming
    ``smtp_host``) when no host is set; :meth:`send` raises ``smtplib.SMTPException`` or ``OSError`` when the
    server refuses or cannot be reached.
    """

    def __init__(self, settings: Settings) -> None:
        if not settings.smtp_host:
            raise ValidationFailed("STICOOP_SMTP_HOST is not set: reminders need an SMTP server to send through",
                                   field="smtp_host")
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpMailer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is None:
            settings = self.settings
            smtp = smtplib.SMTP(settings.smtp_host or "", settings.smtp_port, timeout=SMTP_TIMEOUT)
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password or "")
            self._smtp = smtp
        return self._smtp

    def send(self, to: str, subject: str, body: str, language: str) -> str:
        """Send one plain-text message (UTF-8) and return its Message-ID."""
        message = EmailMessage()
        message["From"] = self.settings.smtp_from
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = format_datetime(utcnow())
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a reminder
        message_id = make_msgid(domain="sticoop")
        message["Message-ID"] = message_id
        message.set_content(body)
        message["Content-Language"] = language  # after set_content, which resets the Content-* headers
        try:
            self._connection().send_message(message)
        except (smtplib.SMTPServerDisconnected, ConnectionError):
            self._smtp = None  # a dropped connection is opened again once for this message
            self._connection().send_message(message)
        return message_id
