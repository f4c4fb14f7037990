"""Technology profiles through the REST API: validation, workflow, stored embeddings, explained matches."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.matchmaking.models import ProfileEmbedding


def profile(client: TestClient, **kw) -> dict:  # type: ignore[no-untyped-def]
    body = {"kind": "technology_offer", "status": "published", "language": "en", **kw}
    r = client.post("/api/v1/profiles", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_cross_language_complementary_match_with_reasons(client: TestClient, db: Session) -> None:
    offer = profile(client, title="Membrane bioreactor for industrial wastewater treatment",
                    summary="Compact membrane bioreactor that treats textile and food-industry wastewater.",
                    fields=["environment", "water_resources"], keywords=["wastewater", "membrane"], trl=7,
                    owner_country_code="BEL")
    request_fr = profile(client, kind="technology_request", language="fr",
                         title="Recherche technologie de traitement des eaux usées industrielles",
                         summary="Une entreprise textile cherche un bioréacteur à membrane pour traiter ses eaux "
                                 "usées.", fields=["environment"], trl=6, partner_sought_countries=["BEL"])
    profile(client, kind="technology_request", title="Drone imagery for rice yield estimation",
            summary="Remote sensing service to estimate rice yields from drone images.", fields=["remote_sensing"])
    profile(client, kind="technology_offer", title="Solar dryer for cassava",
            summary="Low-cost solar dryer for cassava chips.", fields=["energy", "agriculture"])
    stored = db.scalars(select(ProfileEmbedding.profile_id)).all()
    assert set(stored) >= {offer["id"], request_fr["id"]}

    result = client.get(f"/api/v1/profiles/{offer['id']}/matches").json()
    top = result["complementary"][0]
    assert top["profile"]["id"] == request_fr["id"] and top["relation"] == "complementary"
    explanation = top["explanation"]
    assert "environment" in explanation["shared_fields"]
    assert {"semantic", "keywords", "fields"} <= set(explanation["parts"])
    assert all(m["profile"]["kind"] == "technology_offer" for m in result["similar"])


def test_profile_validation_and_workflow(client: TestClient) -> None:
    empty = client.post("/api/v1/profiles", json={"kind": "technology_offer", "title": "x"})
    assert empty.status_code == 422 and "summary or a description" in empty.json()["detail"]
    assert client.post("/api/v1/profiles", json={"kind": "technology_offer", "title": "x", "summary": "y",
                                                 "trl": 12}).status_code == 422
    assert client.post("/api/v1/profiles", json={"kind": "technology_offer", "title": "x", "summary": "y",
                                                 "fields": ["astrology"]}).status_code == 422
    p = profile(client, title="Biochar from rice husk", summary="Pyrolysis unit", status="draft")
    withdrawn = client.patch(f"/api/v1/profiles/{p['id']}", json={"version": p["version"], "status": "withdrawn"})
    assert withdrawn.status_code == 200
    back = client.patch(f"/api/v1/profiles/{p['id']}", json={"version": withdrawn.json()["version"],
                                                              "status": "published"})
    assert back.status_code == 422 and "cannot go from 'withdrawn'" in back.json()["detail"]
    assert client.get("/api/v1/profiles", params={"status": "withdrawn"}).json()["total"] == 1


def test_unsupported_language_is_stored_and_matched_by_keywords(client: TestClient, db: Session) -> None:
    thai = profile(client, kind="technology_request", language="th", title="wastewater membrane bioreactor",
                   summary="ต้องการเทคโนโลยี membrane bioreactor สำหรับบำบัดน้ำเสีย wastewater")
    assert db.scalar(select(ProfileEmbedding.id).where(ProfileEmbedding.profile_id == thai["id"])) is None
    profile(client, title="Membrane bioreactor", summary="Membrane bioreactor for wastewater treatment.")
    result = client.get(f"/api/v1/profiles/{thai['id']}/matches", params={"min_score": 0}).json()
    assert result["keywords_only"] is True and result["threshold"] == 0
    assert result["complementary"] and result["complementary"][0]["explanation"]["keywords_only"] is True


def test_partner_type_sought_counts_in_the_score_and_is_checked(client: TestClient) -> None:
    firm = client.post("/api/v1/organizations", json={"name": "Mekong Water JSC", "type": "company",
                                                      "country_code": "VNM"}).json()["id"]
    lab = client.post("/api/v1/organizations", json={"name": "Institut de l'eau", "type": "university",
                                                     "country_code": "FRA"}).json()["id"]
    text = {"title": "Solar desalination unit", "summary": "Membrane distillation powered by solar collectors."}
    by_lab = profile(client, owner_organization_id=lab, **text)
    by_firm = profile(client, owner_organization_id=firm, **text)
    wanted = profile(client, kind="technology_request", title="Solar desalination wanted",
                     summary="We need membrane distillation powered by solar collectors.",
                     partner_sought_types=["company"])
    found = client.get(f"/api/v1/profiles/{wanted['id']}/matches").json()["complementary"]
    assert [m["profile"]["id"] for m in found[:2]] == [by_firm["id"], by_lab["id"]]
    parts = {m["profile"]["id"]: m["explanation"]["parts"]["partner_type"]["value"] for m in found}
    assert parts[by_firm["id"]] == 1.0 and parts[by_lab["id"]] == 0.0
    # the organisation becoming a company changes the score (the cached matcher is rebuilt)
    org = client.get(f"/api/v1/organizations/{lab}").json()
    assert client.patch(f"/api/v1/organizations/{lab}", json={"version": org["version"],
                                                              "type": "company"}).status_code == 200
    found = client.get(f"/api/v1/profiles/{wanted['id']}/matches").json()["complementary"]
    assert {m["explanation"]["parts"]["partner_type"]["value"] for m in found[:2]} == {1.0}
    bad = client.post("/api/v1/profiles", json={"kind": "technology_request", "title": "x", "summary": "y",
                                                "partner_sought_types": ["astrologer"]})
    assert bad.status_code == 422 and "unknown partner type(s): astrologer" in bad.json()["detail"]
