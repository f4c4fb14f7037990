"""Background jobs: one queue (huey) for work too long for a request — ingest of many files, exports,
re-indexing, reminders.

- :mod:`.models`: the ``jobs`` table, what users see (status, progress, message, result, error);
- :mod:`.registry`: the job kinds and periodic schedules, declared by the domains (jobs imports no domain);
- :mod:`.queue`: the huey instance built from the settings (embedded SQLite file by default,
  ``STICOOP_QUEUE_URL`` for PostgreSQL or Redis);
- :mod:`.service`: ``enqueue`` (the record in the caller's transaction, the task queued after commit), the
  task wrapper that runs a job and records its progress, and the reads of the API and pages;
- :mod:`.cli`: ``sticoop worker``.
"""
