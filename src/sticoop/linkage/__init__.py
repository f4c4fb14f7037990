"""Record linkage: which existing record a proposed one (from ingest, or typed in a form) already is.

- :mod:`sticoop.linkage.names`: language-neutral name keys (generic words per language, abbreviations,
  country names, Soundex of the proper-name part);
- :mod:`sticoop.linkage.index`: the ``linkage_keys`` table, kept on every flush with the key functions of
  :data:`sticoop.linkage.rank.KEYS_OF` (organisations, people, committees);
- :mod:`sticoop.linkage.rank`: the candidate rule of each record kind, returning at most five
  :class:`~sticoop.linkage.rank.Match` es (id, name, reason, score in [0, 1]) from bounded, indexed queries;
  its ``register()`` adds the candidates to core's duplicate check (409 on a create), so the base domains
  never import linkage.
"""
