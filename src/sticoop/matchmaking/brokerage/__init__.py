"""Brokerage events (b2match-style techmarts) of a technology-transfer fair: a sub-domain of matchmaking.

``models`` (tables), ``schemas`` (API input/output), ``service`` (rules), ``api`` (REST routes) and ``pages``
(the HTMX page). The meeting scheduler itself is the pure engine ``sticoop.matchmaking.engine.scheduling``.
"""
