"""IATI 2.03 activity export of projects: the builder (``builder``), the rules the XSD does not check
(``rules``), the vendored-or-packaged schemas (``xsd``), the field → DAC sector mapping (``sectors``) and the
export service (``service``) used by the API, the projects page and ``sticoop export --format iati``."""
