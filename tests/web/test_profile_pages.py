"""Technology-profile pages: the filtered list, the form (good and bad input, status transitions), and the
profile page explaining its matches — across languages, and by keywords only for unsupported languages."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient

FORM = {"kind": "technology_offer", "title": "Solar dryer for cassava chips", "language": "en",
        "summary": "Low-cost solar dryer for cassava chips.", "fields": ["energy", "agriculture"],
        "keywords": "solar, dryer , cassava, Solar", "trl": "6", "ipr_status": "patent_applied",
        "partner_sought_types": ["company"], "partner_sought_countries": ["VNM"], "owner_country_code": "BEL",
        "valid_from": "2025-01-01", "valid_until": "2026-12-31", "status": "published"}


def profile(client: TestClient, **kw) -> dict:  # type: ignore[no-untyped-def]
    body = {"kind": "technology_offer", "status": "published", "language": "en", **kw}
    r = client.post("/api/v1/profiles", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def total(client: TestClient, **params: str) -> int:
    return client.get("/api/v1/profiles", params=params).json()["total"]


def rows(html: str) -> list[str]:
    return re.findall(r'<a href="/profiles/\d+">([^<]+)</a>', html)


def test_list_filters_and_htmx_partial(client: TestClient) -> None:
    profile(client, title="Membrane bioreactor", summary="Wastewater treatment.", fields=["water_resources"],
            owner_country_code="BEL")
    profile(client, kind="technology_request", title="Rice yield from drones", summary="Drone imagery.",
            fields=["remote_sensing"], owner_country_code="VNM")
    profile(client, title="Biochar from rice husk", summary="Pyrolysis unit.", status="draft",
            fields=["agriculture", "energy"], owner_country_code="VNM")
    page = client.get("/profiles")
    assert page.status_code == 200 and "Showing 1–3 of 3" in page.text
    assert {"Membrane bioreactor", "Rice yield from drones", "Biochar from rice husk"} <= set(rows(page.text))
    assert "Technology request" in page.text and "Water resources" in page.text
    # the shared list template, with the marketplace's kicker, search hint and filters
    assert '<p class="kicker">Marketplace</p>' in page.text and 'placeholder="Title, keyword…"' in page.text
    assert [k for k in re.findall(r'<select id="f-(\w+)"', page.text)] == ["kind", "status", "country", "field"]
    assert rows(client.get("/profiles", params={"kind": "technology_request"}).text) == ["Rice yield from drones"]
    assert rows(client.get("/profiles", params={"status": "draft"}).text) == ["Biochar from rice husk"]
    assert set(rows(client.get("/profiles", params={"country": "VNM"}).text)) == {"Rice yield from drones",
                                                                                "Biochar from rice husk"}
    assert rows(client.get("/profiles", params={"field": "energy"}).text) == ["Biochar from rice husk"]
    assert rows(client.get("/profiles", params={"q": "bioreactor"}).text) == ["Membrane bioreactor"]
    unknown = client.get("/profiles", params={"field": "astrology", "offset": "x"})
    assert unknown.status_code == 200 and "Showing 1–3 of 3" in unknown.text
    htmx = {"hx-request": "true", "hx-target": "results"}
    partial = client.get("/profiles", params={"field": "energy"}, headers=htmx)
    assert partial.text.lstrip().startswith('<section id="results"') and "<html" not in partial.text


def test_create_edit_and_bad_input(client: TestClient) -> None:
    assert client.get("/profiles/new").status_code == 200
    bad = client.post("/profiles/new", data={**FORM, "summary": "", "description": ""})
    assert bad.status_code == 422 and total(client) == 0
    assert 'id="field-summary-error"' in bad.text and "needs a summary or a description" in bad.text
    assert "Solar dryer for cassava chips" in bad.text  # what was typed is kept
    bad_trl = client.post("/profiles/new", data={**FORM, "trl": "12"})
    assert bad_trl.status_code == 422 and 'id="field-trl-error"' in bad_trl.text and total(client) == 0

    made = client.post("/profiles/new", data=FORM, follow_redirects=False)
    assert made.status_code == 303
    url = made.headers["location"]
    saved = client.get(f"/api/v1{url}").json()
    # keywords keep the order typed; fields are a set of codes, stored sorted
    assert saved["keywords"] == ["solar", "dryer", "cassava"] and saved["fields"] == ["agriculture", "energy"]
    assert saved["trl"] == 6 and saved["partner_sought_countries"] == ["VNM"]

    edit = client.get(f"{url}/edit")
    assert edit.status_code == 200 and 'value="solar, dryer, cassava"' in edit.text
    withdrawn = client.post(f"{url}/edit", data={**FORM, "status": "withdrawn", "version": str(saved["version"])},
                            follow_redirects=False)
    assert withdrawn.status_code == 303
    version = client.get(f"/api/v1{url}").json()["version"]
    back = client.post(f"{url}/edit", data={**FORM, "status": "published", "version": str(version)})
    assert back.status_code == 422 and 'id="field-status-error"' in back.text and "cannot go from" in back.text
    french = client.post(f"{url}/edit?lang=fr", data={**FORM, "status": "published", "version": str(version)})
    assert "Un profil ne peut pas passer" in french.text
    assert client.get(f"/api/v1{url}").json()["status"] == "withdrawn"


def test_profile_page_explains_a_cross_language_complementary_match(client: TestClient) -> None:
    offer = profile(client, title="Membrane bioreactor for industrial wastewater treatment",
                    summary="Compact membrane bioreactor that treats textile and food-industry wastewater.",
                    fields=["environment", "water_resources"], keywords=["wastewater", "membrane"], trl=7,
                    owner_country_code="BEL", status="draft")
    request_fr = profile(client, kind="technology_request", language="fr",
                         title="Recherche technologie de traitement des eaux usées industrielles",
                         summary="Une entreprise textile cherche un bioréacteur à membrane pour traiter ses eaux "
                                 "usées.", fields=["environment"], trl=6, partner_sought_countries=["BEL"],
                         owner_country_code="VNM")
    profile(client, title="Solar dryer for cassava", summary="Low-cost solar dryer for cassava chips.",
            fields=["energy", "agriculture"])
    page = client.get(f"/profiles/{offer['id']}")  # a draft still shows its matches
    assert page.status_code == 200 and "is a draft" in page.text
    complementary = page.text.split('id="h-complementary"')[1].split('id="h-similar"')[0]
    first = complementary.split('class="match ')[1]
    assert f'/profiles/{request_fr["id"]}"' in first and "Technology request" in first and "French" in first
    assert "Vietnam" in first and "%" in first and 'role="meter"' in first
    for part in ("Meaning (semantic similarity)", "Keywords", "Fields", "Readiness (TRL)", "Country"):
        assert part in first, part
    assert "Shared fields" in first and "Environment" in first
    assert "Keywords only" not in first

    french = client.get(f"/profiles/{offer['id']}", params={"lang": "fr"}).text
    assert "Complémentaires" in french and "Domaines en commun" in french and "Environnement" in french


def test_keywords_only_badge_for_an_unsupported_language(client: TestClient) -> None:
    thai = profile(client, kind="technology_request", language="th", title="wastewater membrane bioreactor",
                   summary="ต้องการเทคโนโลยี membrane bioreactor สำหรับบำบัดน้ำเสีย wastewater")
    profile(client, title="Membrane bioreactor", summary="Membrane bioreactor for wastewater treatment.")
    page = client.get(f"/profiles/{thai['id']}").text
    header = page.split('id="h-complementary"')[0]
    assert "Keywords only" in header and "Thai" in header
    first = page.split('id="h-complementary"')[1].split('class="match ')[1]
    assert "Membrane bioreactor" in first and "Keywords only" in first
    assert "Shared terms" in first and "bioreactor" in first
    assert "matched by keywords only" in first  # the engine's note, shown in the page's language
    vi = client.get(f"/profiles/{thai['id']}", params={"lang": "vi"}).text
    assert "Chỉ từ khóa" in vi


def test_partner_type_part_and_unmet_preference_are_explained(client: TestClient) -> None:
    lab = client.post("/api/v1/organizations", json={"name": "Hanoi University of Science", "type": "university",
                                                     "country_code": "VNM"}).json()["id"]
    offer = profile(client, title="Membrane bioreactor for wastewater", owner_organization_id=lab,
                    summary="Compact membrane bioreactor that treats textile wastewater.")
    wanted = profile(client, kind="technology_request", title="Membrane bioreactor wanted",
                     summary="A textile firm needs a membrane bioreactor for its wastewater.",
                     partner_sought_types=["company"])
    page = client.get(f"/profiles/{wanted['id']}").text
    first = page.split('id="h-complementary"')[1].split('class="match ')[1]
    assert f'/profiles/{offer["id"]}"' in first and "why__part--partner_type" in first and "Partner type" in first
    assert "This profile does not seek a partner like the matched profile's owner (University)." in unescape(first)
    french = client.get(f"/profiles/{wanted['id']}", params={"lang": "fr"}).text
    assert "Type de partenaire" in french and "Ce profil ne recherche pas un partenaire" in french
