"""A record that cannot be deleted says what still refers to it, in the page's language ("Encore cité par :
1 dossier de préparation"). Every table whose rows can refer to a record (what ``RecordService.dependents``
counts) has its phrase, translated in fr and vi — a table added later without one showed its raw name in
English ("1 briefing packs" on a French page)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from sticoop.core.i18n import translations
from sticoop.core.models import Base
from sticoop.core.registry import services
from sticoop.web.record_actions import NOUNS


def _referring_tables() -> set[str]:
    from sticoop.server.app import create_app

    create_app("sqlite://")  # every domain registers its services
    records = {inspect(s.model).local_table.name for s in services().values()}
    found = set()
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c or not table.c.id.primary_key or table.info.get("derived"):
            continue  # the same tables dependents() skips
        if any(fk.column.table.name in records for column in table.c for fk in column.foreign_keys):
            found.add(table.name)
    return found


@pytest.mark.parametrize("lang", ["fr", "vi"])
def test_every_referring_table_is_named_in_every_language(lang: str) -> None:
    tables = _referring_tables()
    assert {"sessions", "briefing_packs", "proposals", "intakes"} <= tables
    assert not tables - set(NOUNS), f"no phrase for {sorted(tables - set(NOUNS))} (web/record_actions.py NOUNS)"
    catalogue = translations(lang)
    for table in sorted(tables):
        singular, plural = NOUNS[table]
        assert catalogue._catalog.get((singular, 0)), (lang, table, "not in the catalogue")  # type: ignore[attr-defined]
        for n in (1, 2, 5):
            said = catalogue.ngettext(singular, plural, n) % {"num": n}
            assert str(n) in said and "_" not in said, (lang, table, n, said)
