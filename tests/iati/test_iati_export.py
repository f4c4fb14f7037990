"""The IATI 2.03 export: the demo validates against the official XSD, every rule the XSD does not check has a
failing case with its reason, a viewer exports only their partnerships and never a confidential project,
every narrative language comes back, and organisations' IATI identifiers are validated."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import etree
from tests.iati.conftest import REF
from tests.web.helpers import post

from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo
from sticoop.projects.iati import rules
from sticoop.projects.iati.builder import XML_LANG, shares
from sticoop.projects.iati.xsd import activity_schema, load_schema, schema_dir

TODAY = date(2026, 6, 15)
EXPORT = "/api/v1/projects/export.iati.xml"
CHECK = "/api/v1/projects/iati-check"


def _xml(response: Any) -> etree._Element:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    return etree.fromstring(response.content)


def _project(client: TestClient, **extra: Any) -> dict[str, Any]:
    if "partnership_id" not in extra:
        extra["partnership_id"] = _partnership(client, f"Partnership of {extra.get('title', 'a project')}",
                                               ["BEL", "VNM"])["id"]
    org = post(client, "/organizations", {"name": f"Org {len(extra)} {extra.get('title', '')}", "type": "university",
                                          "country_code": "BEL", "allow_duplicate": True})
    body = {"title": "Remote sensing for the Mekong delta", "description": "Satellite images of rice fields.",
            "start_date": "2022-01-01", "end_date": "2025-12-31", "status": "running", "budget": "1000",
            "currency": "EUR", "field_keys": ["agriculture"], "allow_duplicate": True,
            "partners": [{"organization_id": org["id"], "role": "coordinator"}], **extra}
    return post(client, "/projects", body)


def _partnership(client: TestClient, name: str, countries: list[str]) -> dict[str, Any]:
    return post(client, "/partnerships", {"name": name, "country_codes": countries, "allow_duplicate": True})


# ----- the official schema ------------------------------------------------------------------------------
def test_the_schema_is_the_official_2_03_one_loaded_locally() -> None:
    folder = schema_dir()
    assert {p.name for p in folder.iterdir()} >= {"iati-activities-schema.xsd", "iati-common.xsd", "xml.xsd"}
    assert etree.parse(str(folder / "iati-activities-schema.xsd")).getroot().get("version") == "2.03"
    assert activity_schema() is activity_schema()  # loaded once


def test_a_schema_folder_without_xml_xsd_or_of_another_version_is_refused(tmp_path: Any) -> None:
    folder = schema_dir()
    for name in ("iati-activities-schema.xsd", "iati-common.xsd"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    with pytest.raises(etree.XMLSchemaParseError):  # xml.xsd is not fetched from the network
        load_schema(tmp_path)
    (tmp_path / "xml.xsd").write_bytes((folder / "xml.xsd").read_bytes())
    assert load_schema(tmp_path).validate(etree.fromstring(b'<iati-activities version="2.03"/>')) is False
    older = (folder / "iati-activities-schema.xsd").read_bytes().replace(b'version="2.03"', b'version="2.02"', 1)
    (tmp_path / "iati-activities-schema.xsd").write_bytes(older)
    with pytest.raises(etree.XMLSchemaParseError, match="not 2.03"):
        load_schema(tmp_path)


# ----- the demo ----------------------------------------------------------------------------------------
def test_the_demo_export_validates_against_the_xsd_with_every_element(client: TestClient, db_url: str) -> None:
    with session_scope(db_url) as db:
        load_demo(db)
    response = client.get(EXPORT)
    document = _xml(response)
    assert activity_schema().validate(document), activity_schema().error_log
    assert response.headers["x-iati-activities"] == "1" and response.headers["x-iati-left-out-count"] == "0"
    assert "projects.iati.xml" in response.headers["content-disposition"]
    activity = document.find("iati-activity")
    assert activity is not None
    assert activity.findtext("iati-identifier", "").startswith(f"{REF}-PRJ-")
    assert activity.find("reporting-org").get("ref") == REF  # type: ignore[union-attr]
    roles = sorted(e.get("role") for e in activity.findall("participating-org"))
    assert roles == ["1", "2", "4", "4"]  # BELSPO funds, UGent accountable and implementing, VAST implementing
    assert activity.find("activity-status").get("code") == "2"  # type: ignore[union-attr]
    assert [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")] == [
        ("2", "2022-01-01"), ("3", "2025-12-31")]
    assert {(c.get("code"), c.get("percentage")) for c in activity.findall("recipient-country")} == {
        ("BE", "50"), ("VN", "50")}
    dac = {(s.get("code"), s.get("percentage")) for s in activity.findall("sector[@vocabulary='1']")}
    assert dac == {("41082", "66.67"), ("32182", "33.33")}  # environment + water resources, new materials
    assert {s.get("code") for s in activity.findall("sector[@vocabulary='99']")} == {
        "environment", "water_resources", "new_materials"}
    value = activity.find("budget/value")
    assert value is not None and value.get("currency") == "EUR" and value.text == "450000.00"
    assert activity.find("transaction/transaction-type").get("code") == "2"  # type: ignore[union-attr]
    assert activity.find("related-activity").get("type") == "1"  # type: ignore[union-attr]
    assert client.get(CHECK).json() == {"reporting_org": REF, "checked": 1, "valid": 1, "left_out": []}


def test_every_narrative_language_comes_back(client: TestClient) -> None:
    texts = {"en": ("Rice and satellites", "Satellite images of rice fields."),
             "fr": ("Riz et satellites", "Images satellitaires de rizières."),
             "vi": ("Lúa và vệ tinh", "Ảnh vệ tinh về ruộng lúa Đồng bằng sông Cửu Long.")}
    made = _project(client, title=texts["en"][0], description=texts["en"][1], language="en",
                    translations=[{"language": lang, "title": t, "description": d}
                                  for lang, (t, d) in texts.items() if lang != "en"])
    activity = _xml(client.get(EXPORT)).find("iati-activity")
    assert activity is not None and activity.get(XML_LANG) == "en"
    for part, index in (("title", 0), ("description", 1)):
        back = {n.get(XML_LANG): n.text for n in activity.findall(f"{part}/narrative")}
        assert back == {lang: pair[index] for lang, pair in texts.items()}, part
    again = client.get(f"/api/v1/projects/{made['id']}").json()
    assert {t["language"] for t in again["translations"]} == {"fr", "vi"} and again["language"] == "en"


def test_the_export_follows_the_lists_filters(client: TestClient) -> None:
    keep = _project(client, title="Kept", status="running")
    _project(client, title="Filtered out", status="completed")
    document = _xml(client.get(EXPORT, params={"status": "running"}))
    assert [a.findtext("iati-identifier") for a in document] == [f"{REF}-PRJ-{keep['id']}"]


# ----- the rules the XSD does not check ----------------------------------------------------------------
def _valid_activity(client: TestClient) -> etree._Element:
    partnership = _partnership(client, "Belgium–Vietnam", ["BEL", "VNM"])
    _project(client, partnership_id=partnership["id"], field_keys=["agriculture", "health_medicine"])
    activity = _xml(client.get(EXPORT)).find("iati-activity")
    assert activity is not None and rules.check(activity, REF, TODAY) == []
    return activity


def _set(path: str, attribute: str, value: str) -> Callable[[etree._Element], None]:
    def change(activity: etree._Element) -> None:
        element = activity.find(path)
        assert element is not None, path
        element.set(attribute, value)
    return change


def _remove(path: str) -> Callable[[etree._Element], None]:
    def change(activity: etree._Element) -> None:
        for element in activity.findall(path):
            activity.remove(element)
    return change


def _text(path: str, value: str) -> Callable[[etree._Element], None]:
    def change(activity: etree._Element) -> None:
        element = activity.find(path)
        assert element is not None
        element.text = value
    return change


#: one failing change per rule code, and the words its reason must say
BROKEN: dict[str, tuple[Callable[[etree._Element], None], str]] = {
    "identifier_empty": (_text("iati-identifier", " "), "is empty"),
    "identifier_prefix": (_text("iati-identifier", "GB-COH-1-PRJ-1"), f"does not start with the reporting "
                                                                       f"organisation's identifier '{REF}-'"),
    "empty_ref": (_set("related-activity", "ref", ""), "related-activity has an empty identifier"),
    "description_missing": (_remove("description"), "no description"),
    "start_date_missing": (_remove("activity-date[@type='2']"), "no start date"),
    "dates_out_of_order": (_set("activity-date[@type='3']", "iso-date", "2021-12-31"),
                           "planned end (2021-12-31) is before the actual start (2022-01-01)"),
    "actual_date_in_future": (_set("transaction/transaction-date", "iso-date", "2026-06-16"),
                              "transaction date (2026-06-16) is after today (2026-06-15)"),
    "sector_missing": (_remove("sector"), "no field"),
    "sector_percentages": (_set("sector[@vocabulary='1']", "percentage", "60"),
                           "sector percentages of vocabulary 1 add up to 110, not 100"),
    "country_missing": (_remove("recipient-country"), "no recipient country"),
    "country_percentages": (_set("recipient-country", "percentage", "40"),
                            "recipient-country percentages add up to 90, not 100"),
}


def test_every_rule_has_a_failing_case() -> None:
    assert set(BROKEN) == set(rules.CODES)


@pytest.mark.parametrize("code", rules.CODES)
def test_each_rule_fails_with_its_reason(client: TestClient, code: str) -> None:
    activity = _valid_activity(client)
    if code == "empty_ref":
        assert activity.find("related-activity") is None
        etree.SubElement(activity, "related-activity", ref=f"{REF}-PRG-1", type="1")
    broken = copy.deepcopy(activity)
    change, words = BROKEN[code]
    change(broken)
    reasons = rules.check(broken, REF, TODAY)
    assert [r.code for r in reasons] == [code], reasons
    assert words in reasons[0].message


@pytest.mark.parametrize(("count", "expected"), [(1, ["100"]), (2, ["50", "50"]), (3, ["33.33", "33.33", "33.34"]),
                                                 (6, ["16.66"] * 5 + ["16.7"]), (7, ["14.28"] * 6 + ["14.32"])])
def test_shares_add_up_to_exactly_100(count: int, expected: list[str]) -> None:
    from sticoop.projects.iati.builder import percent

    found = shares(count)
    assert [percent(s) for s in found] == expected and sum(found) == 100


def test_a_project_that_cannot_be_exported_is_listed_with_its_reasons_and_left_out(client: TestClient) -> None:
    good = _project(client, title="Good", partnership_id=_partnership(client, "Belgium–Vietnam",
                                                                      ["BEL", "VNM"])["id"])
    bad = _project(client, title="No description, no date, no field", description=None, start_date=None,
                   end_date=None, budget=None, currency=None, field_keys=[], partnership_id=None)
    checked = client.get(CHECK).json()
    assert checked["checked"] == 2 and checked["valid"] == 1
    [left] = checked["left_out"]
    assert left["project_id"] == bad["id"] and left["iati_identifier"] == f"{REF}-PRJ-{bad['id']}"
    assert {r["code"] for r in left["reasons"]} >= {"description_missing", "start_date_missing", "sector_missing",
                                                    "country_missing"}
    response = client.get(EXPORT)
    assert response.headers["x-iati-left-out"] == str(bad["id"]) and response.headers["x-iati-left-out-count"] == "1"
    assert [a.findtext("iati-identifier") for a in _xml(response)] == [f"{REF}-PRJ-{good['id']}"]
    refused = client.get(EXPORT, params={"q": "description"})
    assert refused.status_code == 422 and "No project can be exported validly" in refused.json()["detail"]


def test_without_a_reporting_organisation_the_export_is_refused_naming_the_setting(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from sticoop.core.config import get_settings

    for value in (None, "not an identifier"):
        if value is None:
            monkeypatch.delenv("STICOOP_IATI_REPORTING_ORG_REF")
        else:
            monkeypatch.setenv("STICOOP_IATI_REPORTING_ORG_REF", value)
        get_settings.cache_clear()
        for path in (EXPORT, CHECK):
            response = client.get(path)
            assert response.status_code == 422 and "STICOOP_IATI_REPORTING_ORG_REF" in response.json()["detail"]


# ----- access ------------------------------------------------------------------------------------------
def test_a_viewer_exports_only_their_partnerships_and_no_confidential_project(
        client: TestClient, client_as: Callable[..., TestClient]) -> None:
    mine = _partnership(client, "Belgium–Vietnam", ["BEL", "VNM"])
    other = _partnership(client, "Vietnam–Laos", ["VNM", "LAO"])
    seen = _project(client, title="Seen", partnership_id=mine["id"])
    _project(client, title="Other partnership", partnership_id=other["id"])
    _project(client, title="Confidential", partnership_id=mine["id"], confidential=True)
    viewer = client_as("viewer", partnership_ids=[mine["id"]])
    ids = [a.findtext("iati-identifier") for a in _xml(viewer.get(EXPORT))]
    assert ids == [f"{REF}-PRJ-{seen['id']}"]
    assert viewer.get(CHECK).json()["checked"] == 1
    admin_ids = [a.findtext("iati-identifier") for a in _xml(client.get(EXPORT))]
    assert len(admin_ids) == 2 and f"{REF}-PRJ-{seen['id']}" in admin_ids  # an admin never exports it either
    secretariat = client_as("secretariat", partnership_ids=[mine["id"]])
    assert [a.findtext("iati-identifier") for a in _xml(secretariat.get(EXPORT))] == ids


def test_the_sector_mapping_is_the_admins_and_changes_the_export(
        client: TestClient, client_as: Callable[..., TestClient]) -> None:
    _project(client, partnership_id=_partnership(client, "Belgium–Vietnam", ["BEL", "VNM"])["id"])
    listed = {s["field_key"]: s for s in client.get("/api/v1/iati/sectors").json()}
    assert listed["agriculture"] == {"field_key": "agriculture", "dac_code": "31182", "default": "31182"}
    assert listed["health_medicine"]["dac_code"] == "12182"
    assert client_as("secretariat").put("/api/v1/iati/sectors/agriculture", json={"dac_code": "31110"}) \
        .status_code == 403
    for bad, status in (({"dac_code": "3118"}, 422), ({"dac_code": "abcde"}, 422)):
        answer = client.put("/api/v1/iati/sectors/agriculture", json=bad)
        assert answer.status_code == status and "dac_code" in answer.text
    assert client.put("/api/v1/iati/sectors/nope", json={"dac_code": "31110"}).status_code == 404
    assert client.put("/api/v1/iati/sectors/agriculture", json={"dac_code": "31110"}).json()["dac_code"] == "31110"
    activity = _xml(client.get(EXPORT)).find("iati-activity")
    assert activity is not None and activity.find("sector[@vocabulary='1']").get("code") == "31110"  # type: ignore[union-attr]
    assert client.put("/api/v1/iati/sectors/agriculture", json={"dac_code": None}).json()["dac_code"] == "31182"


def test_the_projects_list_offers_the_iati_download(client: TestClient) -> None:
    page = client.get("/projects?status=running", headers={"Accept-Language": "fr"})
    assert 'href="/api/v1/projects/export.iati.xml?status=running"' in page.text
    assert "Télécharger en XML IATI" in page.text


# ----- organisation identifiers ------------------------------------------------------------------------
ORG_IDS_ACCEPTED = {"XM-DAC-41114": "XM-DAC-41114", " gb-coh-123456 ": "GB-COH-123456",
                    "BE-BCE_KBO-0876.245.707": "BE-BCE_KBO-0876.245.707", "xi-iati-EC_DEVCO": "XI-IATI-EC_DEVCO"}
ORG_IDS_REFUSED = ["41114", "XM-DAC", "XM DAC 41114", "XM-DAC-41 114", "QQ-COH-1", "XM-DAC-/1", "GB-COH-12&3",
                   "X-DAC-1", f"XM-DAC-{'1' * 100}"]


@pytest.mark.parametrize(("typed", "stored"), ORG_IDS_ACCEPTED.items())
def test_an_organisation_identifier_is_normalised(client: TestClient, typed: str, stored: str) -> None:
    made = post(client, "/organizations", {"name": "OECD DAC", "iati_identifier": typed})
    assert made["iati_identifier"] == stored


@pytest.mark.parametrize("typed", ORG_IDS_REFUSED)
def test_a_bad_organisation_identifier_is_a_422_naming_the_field(client: TestClient, typed: str) -> None:
    answer = client.post("/api/v1/organizations", json={"name": "OECD DAC", "iati_identifier": typed})
    assert answer.status_code == 422 and "iati_identifier" in answer.text and "org-id.guide" in answer.text


def test_an_organisations_identifier_is_its_participating_org_ref(client: TestClient) -> None:
    org = post(client, "/organizations", {"name": "UGent", "type": "university", "iati_identifier": "BE-BCE_KBO-1"})
    _project(client, partnership_id=_partnership(client, "Belgium–Vietnam", ["BEL", "VNM"])["id"],
             partners=[{"organization_id": org["id"], "role": "coordinator"}])
    refs = {e.get("ref") for e in _xml(client.get(EXPORT)).iter("participating-org")}
    assert refs == {"BE-BCE_KBO-1"}
    page = client.post(f"/organizations/{org['id']}/edit", data={"name": "UGent", "type": "university",
                                                                 "iati_identifier": "not one", "version": "1"},
                       headers={"Accept-Language": "fr"})
    assert page.status_code == 422 and "identifiant org-id.guide" in page.text


def test_translations_are_typed_on_the_project_form_and_shown_on_its_page(client: TestClient) -> None:
    created = client.post("/projects/new", data={
        "title": "Rice and satellites", "status": "proposed", "language": "en",
        "translations-0-language": "fr", "translations-0-title": "Riz et satellites",
        "translations-0-description": "Images satellitaires.",
        "translations-1-language": "VI", "translations-1-title": "Lúa và vệ tinh"}, follow_redirects=False)
    assert created.status_code == 303, created.text
    project_id = int(created.headers["location"].rsplit("/", 1)[1])
    stored = client.get(f"/api/v1/projects/{project_id}").json()
    assert stored["translations"] == [
        {"language": "fr", "title": "Riz et satellites", "description": "Images satellitaires."},
        {"language": "vi", "title": "Lúa và vệ tinh", "description": None}]
    page = client.get(f"/projects/{project_id}").text
    assert '<section lang="vi"><h2>Lúa và vệ tinh</h2>' in page and "Images satellitaires." in page
    form = client.get(f"/projects/{project_id}/edit").text
    assert 'value="Riz et satellites"' in form
    doubled = client.post("/api/v1/projects", json={"title": "X", "language": "fr", "translations": [
        {"language": "fr", "title": "X"}]})
    assert doubled.status_code == 422 and doubled.json().get("field") == "translations"
    twice = client.post("/api/v1/projects", json={"title": "X", "translations": [
        {"language": "fr", "title": "X"}, {"language": "FR", "title": "Y"}]})
    assert twice.status_code == 422 and "translations" in twice.text and "given twice" in twice.text
