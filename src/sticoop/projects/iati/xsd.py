"""The official IATI 2.03 activity schema, loaded with lxml from local files only (no network, ever).

The files are vendored in ``xsd/`` beside this module (IATI Standard 2.03, with their licence and source:
``xsd/README.md``). ``xml.xsd`` is imported by a relative ``schemaLocation``, so it resolves beside the schema,
locally.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

ACTIVITY_SCHEMA = "iati-activities-schema.xsd"
#: the files the activity schema needs, in the same folder
SCHEMA_FILES = (ACTIVITY_SCHEMA, "iati-common.xsd", "xml.xsd")
VENDORED = Path(__file__).with_name("xsd")


def schema_dir() -> Path:
    """The folder holding the three vendored 2.03 schema files. Raises FileNotFoundError naming the missing
    ones (a broken installation)."""
    missing = [name for name in SCHEMA_FILES if not (VENDORED / name).is_file()]
    if missing:
        raise FileNotFoundError(f"the IATI 2.03 schema files {', '.join(missing)} are missing from {VENDORED}")
    return VENDORED


def load_schema(folder: Path) -> etree.XMLSchema:
    """The activity schema of ``folder``, parsed with the network switched off; raises
    ``etree.XMLSchemaParseError`` when a file is missing or broken, or when it is not the 2.03 schema."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    document = etree.parse(str(folder / ACTIVITY_SCHEMA), parser)
    version = document.getroot().get("version")
    if version != "2.03":
        raise etree.XMLSchemaParseError(f"{folder / ACTIVITY_SCHEMA} is the schema of IATI {version}, not 2.03")
    return etree.XMLSchema(document)


@cache
def activity_schema() -> etree.XMLSchema:
    """The IATI 2.03 ``iati-activities`` schema (loaded once per process)."""
    return load_schema(schema_dir())


def schema_errors(document: etree._Element) -> list[str]:
    """What the 2.03 XSD finds wrong in an ``iati-activities`` document: one line per error ("line 4:
    Element 'x': ..."), empty when it is valid."""
    schema = activity_schema()
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]
