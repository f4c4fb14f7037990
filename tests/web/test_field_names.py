"""Fields of science are named in the page's language wherever a page shows one: a project's facts, the
"Projects by field" chart of the home and partnership dashboards (SVG, its table twin) and of the briefing pack,
the reviewers' expertise on a call's page, and the options of every form that chooses fields (projects,
proposals, reviewers). They were shown as stored, in English ("Water resources" on a French dashboard) or as
raw keys ("water_resources" on the call page). Walks every page in fr and vi, with the demo data."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from sqlalchemy import select

from sticoop.calls.models import Call, Reviewer
from sticoop.core.database import session_scope
from sticoop.core.i18n import translations
from sticoop.demo.data import load_demo
from sticoop.projects.models import Project, project_fields
from sticoop.reference.service import FIELD_LABELS


@pytest.fixture
def demo_client(db_url: str, client: TestClient) -> TestClient:
    with session_scope(db_url) as db:
        load_demo(db)
    return client


def _pages(db_url: str) -> dict[str, set[str]]:
    """Each page that names fields -> the field keys it must name."""
    with session_scope(db_url) as db:
        project_id, partnership_id = db.execute(
            select(Project.id, Project.partnership_id).join(project_fields, project_fields.c.project_id == Project.id)
            .order_by(Project.id).limit(1)).one()
        project_keys = set(db.scalars(select(project_fields.c.field_key)
                                      .where(project_fields.c.project_id == project_id)))
        call_id = db.scalar(select(Call.id).order_by(Call.id).limit(1))
        expertise = {k for r in db.scalars(select(Reviewer).where(Reviewer.call_id == call_id)) for k in r.expertise}
    assert project_keys and expertise
    every = set(FIELD_LABELS)
    return {
        f"/projects/{project_id}": project_keys,
        "/": project_keys,
        f"/partnerships/{partnership_id}/dashboard": project_keys,
        f"/partnerships/{partnership_id}/briefing.html": project_keys,
        f"/calls/{call_id}": expertise,
        "/projects/new": every,
        f"/projects/{project_id}/edit": every,
        f"/proposals/new?call_id={call_id}": every,
        f"/reviewers/new?call_id={call_id}": every,
    }


def _texts(page: str) -> set[str]:
    """Every text node and every title/aria-label of the page, whitespace collapsed."""
    tree = lxml_html.fromstring(page)
    for dropped in tree.xpath("//script|//style"):
        dropped.drop_tree()
    texts = {" ".join(t.split()) for t in tree.xpath("//text()")}
    for attribute in ("title", "aria-label"):
        texts |= {" ".join(v.split()) for v in tree.xpath(f"//@{attribute}")}
        texts |= {" ".join(v.split()).split(" — ")[0] for v in tree.xpath(f"//@{attribute}")}  # chart bars
    return texts


@pytest.mark.parametrize("lang", ["fr", "vi"])
def test_every_page_names_fields_in_its_language(demo_client: TestClient, db_url: str, lang: str) -> None:
    gettext = translations(lang).gettext
    walked = []
    for path, keys in _pages(db_url).items():
        response = demo_client.get(path, params={"lang": lang})
        assert response.status_code == 200, (path, response.status_code)
        texts = _texts(response.text)
        for key in sorted(keys):
            english, translated = FIELD_LABELS[key], gettext(FIELD_LABELS[key])
            assert translated in texts, (path, lang, key, translated)
            assert key not in texts, (path, lang, key)
            if translated != english:  # "Agriculture" is also French
                assert english not in texts, (path, lang, key)
        walked.append(path)
    assert len(walked) == 9
