"""A draft technology profile's page says what a draft is, truthfully, in every language: it is not offered as a
match to any other profile until published (checked: a published request never lists it, even with
``min_score=0``) — it no longer claims that "other users do not see it yet", which was false: every signed-in
user reads the marketplace, drafts included (a viewer opened the officer's draft from the dashboard)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from sticoop.core.i18n import translations

SAID = ("This profile is a draft: it is not offered as a match to any other profile until it is published. "
        "Its own matches are shown here so you can check them first.")
FALSE_CLAIM = "This profile is a draft: other users do not see it yet"


def _profile(client: TestClient, **body: object) -> int:
    response = client.post("/api/v1/profiles", json={"language": "en", **body})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


@pytest.mark.parametrize("lang", ["en", "fr", "vi"])
def test_a_draft_says_truthfully_what_it_is(client: TestClient, client_as: Callable[..., TestClient],
                                            lang: str) -> None:
    text = "Low-cost IoT sensors measuring turbidity and dissolved oxygen in rivers, sent over LoRaWAN"
    draft = _profile(client, kind="technology_offer", status="draft", title="River water sensors (draft)",
                     summary=text, fields=["water_resources"])
    request = _profile(client, kind="technology_request", status="published", title="Sought: river sensors",
                       summary=text, fields=["water_resources"])
    published = _profile(client, kind="technology_offer", status="published", title="River water sensors",
                         summary=text, fields=["water_resources"])
    offered = client.get(f"/api/v1/profiles/{request}/matches", params={"min_score": 0}).json()
    candidates = [m["profile"]["id"] for m in offered["complementary"] + offered["similar"]]
    assert published in candidates and draft not in candidates
    said = " ".join(translations(lang).gettext(SAID).split())  # the page text is read with its spaces folded
    assert lang == "en" or said != SAID
    viewer = client_as("viewer")
    for reader in (client, viewer):  # its author's side and another user's: the same true sentence
        page = reader.get(f"/profiles/{draft}", params={"lang": lang})
        assert page.status_code == 200
        shown = " ".join(page.text.replace("&#39;", "'").replace("’", "’").split())
        assert said in shown, (lang, said)
        assert translations(lang).gettext(FALSE_CLAIM + ", but its matches are shown here so you can check them "
                                          "before publishing.") not in shown
