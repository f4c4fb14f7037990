"""Record linkage: which existing record a proposed one (from ingest, or typed in a form) already is.

- :mod:`sticoop.linkage.names`: language-neutral name keys (generic words per language, abbreviations,
  country names, Soundex of the proper-name part);
- :mod:`sticoop.linkage.index`: the ``linkage_keys`` table, kept on every flush from each service's
  ``link_keys`` declaration (organisations, people, committees);
- :mod:`sticoop.linkage.rank`: the candidate rule of each record kind, returning at most five
  :class:`~sticoop.linkage.rank.Match` es (id, name, reason, score in [0, 1]) from bounded, indexed queries.
"""
