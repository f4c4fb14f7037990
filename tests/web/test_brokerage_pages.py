"""Brokerage pages of a technology-transfer fair: slots, tables and participants added through the forms,
meeting requests (a refused self-request shown inline, nothing written), accept/decline, a schedule with more
accepted meetings than room (the unplaced list with reasons), the grid, agendas, outcomes and totals, French."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.web import test_browser as browser

live_url = browser.live_url  # the app served by uvicorn, with an "officer" account (see test_browser)


def make_fair(client: TestClient) -> int:
    r = client.post("/api/v1/events", json={"kind": "tech_transfer_fair", "title": "Vietnam–Laos Techmart",
                                            "start_date": "2025-09-10", "city": "Vientiane", "country_code": "LAO"})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def ok(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 303, response.text[:2000]


def meetings(client: TestClient, event: int) -> list[dict]:
    from sqlalchemy import select

    from sticoop.core.database import new_session
    from sticoop.matchmaking.brokerage.models import MeetingRequest

    db = new_session(client.app.state.database_url)  # type: ignore[attr-defined]
    try:
        rows = db.scalars(select(MeetingRequest).where(MeetingRequest.event_id == event)
                               .order_by(MeetingRequest.id))
        return [{"id": m.id, "status": m.status, "slot_id": m.slot_id, "requester_id": m.requester_id,
                 "recipient_id": m.recipient_id} for m in rows]
    finally:
        db.close()


def participant_ids(client: TestClient, event: int) -> dict[str, int]:
    html = client.get(f"/events/{event}/brokerage").text
    select_html = html.split('id="m-requester_id"')[1].split("</select>")[0]
    ids = re.findall(r'<option value="(\d+)">([^<]+)</option>', select_html)
    return {name: int(pid) for pid, name in ids}


def test_brokerage_page_flow(client: TestClient) -> None:
    profile = client.post("/api/v1/profiles", json={"kind": "technology_offer", "status": "published",
                                                     "language": "en", "title": "Solar dryer",
                                                     "summary": "Solar dryer for cassava."}).json()
    event = make_fair(client)
    base = f"/events/{event}/brokerage"
    detail = client.get(f"/events/{event}")
    assert f'href="{base}"' in detail.text and "Brokerage: meetings and schedule" in detail.text
    other = client.post("/api/v1/events", json={"kind": "workshop", "title": "Workshop"}).json()["id"]
    assert "/brokerage" not in client.get(f"/events/{other}").text
    assert client.get(f"/events/{other}/brokerage").status_code == 422

    page = client.get(base)
    assert page.status_code == 200 and "No time slots yet." in page.text
    # two slots, one table: room for two meetings at most
    ok(client.post(f"{base}/slots", data={"date": "2025-09-10", "start": "09:00", "minutes": "30", "count": "2"},
                   follow_redirects=False))
    bad_slots = client.post(f"{base}/slots", data={"date": "", "start": "09:00", "minutes": "30", "count": "2"})
    assert bad_slots.status_code == 422 and 'id="error-slots"' in bad_slots.text
    ok(client.post(f"{base}/tables", data={"count": "1"}, follow_redirects=False))
    page = client.get(base).text
    slot_ids = re.findall(r'name="availability" value="(\d+)"', page)
    assert len(slot_ids) == 2 and "9:00" in page and "9:30" in page

    ok(client.post(f"{base}/participants", data={"name": "Agri Lab", "profile_ids": [str(profile["id"])]},
                   follow_redirects=False))
    for name in ("Mekong Foods", "Lao Solar", "Vientiane Agritech"):
        ok(client.post(f"{base}/participants", data={"name": name}, follow_redirects=False))
    ok(client.post(f"{base}/participants", data={"name": "Busy Morning", "availability": [slot_ids[0]]},
                   follow_redirects=False))
    page = client.get(base).text
    assert f'<a href="/profiles/{profile["id"]}">Solar dryer</a>' in page and "1 slot" in page
    dup = client.post(f"{base}/participants", data={"name": "Agri Lab"})
    assert dup.status_code == 409 and 'id="error-participant"' in dup.text
    ids = participant_ids(client, event)
    assert set(ids) == {"Agri Lab", "Mekong Foods", "Lao Solar", "Vientiane Agritech", "Busy Morning"}

    self_request = client.post(f"{base}/meetings", data={"requester_id": ids["Agri Lab"],
                                                         "recipient_id": ids["Agri Lab"], "message": "Hello me"})
    assert self_request.status_code == 422 and 'id="error-meeting"' in self_request.text
    assert "cannot request a meeting with themselves" in self_request.text and "Hello me" in self_request.text
    assert meetings(client, event) == []

    pairs = [("Agri Lab", "Mekong Foods"), ("Agri Lab", "Lao Solar"), ("Agri Lab", "Vientiane Agritech"),
             ("Lao Solar", "Busy Morning"), ("Mekong Foods", "Busy Morning")]
    for a, b in pairs:
        ok(client.post(f"{base}/meetings", data={"requester_id": ids[a], "recipient_id": ids[b],
                                                 "message": f"{a} meets {b}"}, follow_redirects=False))
    twice = client.post(f"{base}/meetings", data={"requester_id": ids["Mekong Foods"], "recipient_id": ids["Agri Lab"]})
    assert twice.status_code == 409 and len(meetings(client, event)) == 5
    made = meetings(client, event)
    for m in made[:4]:
        ok(client.post(f"/brokerage/meetings/{m['id']}/response", data={"accept": "1"}, follow_redirects=False))
    ok(client.post(f"/brokerage/meetings/{made[4]['id']}/response", data={"accept": "0"}, follow_redirects=False))
    again = client.post(f"/brokerage/meetings/{made[4]['id']}/response", data={"accept": "1"})
    assert again.status_code == 409 and 'id="error-requests"' in again.text
    assert [m["status"] for m in meetings(client, event)] == ["accepted"] * 4 + ["declined"]
    page = client.get(base).text
    assert "Accepted (4)" in page and "Declined (1)" in page and "Requested (0)" in page

    ok(client.post(f"{base}/schedule", follow_redirects=False))
    page = client.get(base).text
    placed = [m for m in meetings(client, event) if m["slot_id"] is not None]
    assert len(placed) == 2  # two slots × one table
    assert "2 of 4 accepted meetings placed." in page
    grid = page.split('id="grid"')[1].split("</table>")[0]
    for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", grid, flags=re.S):
        names = [n for cell in re.findall(r"<td>([^<]*)</td>", row) if cell for n in cell.split(" ↔ ")]
        assert len(names) == len(set(names))  # nobody twice in one slot
    unplaced = page.split('id="unplaced"')[1].split("</div>")[0]
    assert "2 meetings could not be placed" in unplaced and unplaced.count("<li>") == 2
    assert "full" in unplaced or "no free time slot" in unplaced

    first = placed[0]
    agenda_owner = first["requester_id"]
    agenda = client.get(f"/brokerage/participants/{agenda_owner}")
    assert agenda.status_code == 200 and "Meeting with" in agenda.text
    ics_link = f"/api/v1/brokerage/participants/{agenda_owner}/agenda.ics?lang=en"  # in the page's language
    assert f'href="{ics_link}"' in agenda.text and "agenda.pdf" in agenda.text
    ics = client.get(ics_link)
    assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.content
    assert client.get("/brokerage/participants/999999").status_code == 404

    no_value = client.post(f"/brokerage/meetings/{first['id']}/outcome", data={"outcome": "contract_signed"})
    assert no_value.status_code == 422 and f'id="error-outcome-{first["id"]}"' in no_value.text
    ok(client.post(f"/brokerage/meetings/{first['id']}/outcome",
                   data={"outcome": "contract_signed", "contract_value": "125000", "currency": "usd",
                         "note": "Dryer licence"}, follow_redirects=False))
    ok(client.post(f"/brokerage/meetings/{placed[1]['id']}/outcome", data={"outcome": "mou_signed"},
                   follow_redirects=False))
    page = client.get(base).text
    assert "$125,000.00" in page.split('id="contract-value"')[1].split("</dd>")[0]
    totals = client.get(f"/api/v1/events/{event}/brokerage/outcomes").json()
    assert totals["counts"]["contract_signed"] == 1 and totals["counts"]["mou_signed"] == 1
    assert totals["contract_value"] == {"USD": "125000.00"}

    french = client.get(f"{base}?lang=fr").text
    assert "Planifier les rendez-vous" in french and "125" in french and "$US" in french
    assert 'lang="fr"' in french


def test_schedule_without_slots_says_what_to_do(client: TestClient) -> None:
    event = make_fair(client)
    r = client.post(f"/events/{event}/brokerage/schedule")
    assert r.status_code == 422 and "Add time slots and tables before scheduling." in r.text
    french = client.post(f"/events/{event}/brokerage/meetings?lang=fr", data={"requester_id": "", "recipient_id": ""})
    assert french.status_code == 422 and 'id="error-meeting"' in french.text


HTMX = {"HX-Request": "true"}


def section_ids(html: str) -> list[tuple[str, bool]]:
    """The sections of an HTMX answer, in order, each with whether it is swapped out of band."""
    return [(m.group(1), "hx-swap-oob" in m.group(0))
            for m in re.finditer(r'<section class="card" id="([a-z]+)"[^>]*>', html)]


def test_htmx_forms_swap_their_sections_and_plan_changes(client: TestClient) -> None:
    event = make_fair(client)
    base = f"/events/{event}/brokerage"
    page = client.get(base).text
    assert f'action="{base}/slots" hx-post="{base}/slots" hx-target="#slots"' in page  # HTMX, plain post fallback

    added = client.post(f"{base}/slots", data={"date": "2025-09-10", "start": "09:00", "minutes": "30",
                                               "count": "2"}, headers=HTMX)
    assert added.status_code == 200 and "<html" not in added.text
    assert section_ids(added.text) == [("slots", False), ("participants", True), ("schedule", True),
                                       ("meetings", True)]
    assert "9:00" in added.text.split('id="participants"')[1]  # the new slots are offered as availability
    bad = client.post(f"{base}/slots", data={"date": "", "start": "09:00", "minutes": "30", "count": "1"},
                      headers=HTMX)
    assert bad.status_code == 422 and 'id="error-slots"' in bad.text and "<html" not in bad.text
    assert 'data-swap-refusals' in page  # refused forms (409/422) are swapped in with their message (sticoop.js)

    tables = client.post(f"{base}/tables", data={"count": "1"}, headers=HTMX)
    assert tables.status_code == 200 and section_ids(tables.text)[0] == ("tables", False)
    for name in ("Agri Lab", "Lao Solar", "Mekong Foods"):
        r = client.post(f"{base}/participants", data={"name": name}, headers=HTMX)
        assert r.status_code == 200 and section_ids(r.text)[:2] == [("participants", False), ("requests", True)]
    ids = participant_ids(client, event)
    r = client.post(f"{base}/meetings", data={"requester_id": ids["Agri Lab"], "recipient_id": ids["Lao Solar"]},
                    headers=HTMX)
    assert r.status_code == 200 and section_ids(r.text) == [("requests", False), ("schedule", True)]
    ok(client.post(f"{base}/meetings", data={"requester_id": ids["Agri Lab"], "recipient_id": ids["Mekong Foods"]},
                   follow_redirects=False))
    for m in meetings(client, event):
        r = client.post(f"/brokerage/meetings/{m['id']}/response", data={"accept": "1"}, headers=HTMX)
        assert r.status_code == 200 and "Accepted (" in r.text

    # one table, two slots, Agri Lab in both meetings: both placed
    scheduled = client.post(f"{base}/schedule", headers=HTMX)
    assert scheduled.status_code == 200
    assert section_ids(scheduled.text) == [("schedule", False), ("meetings", True), ("outcomes", True)]
    assert "2 of 2 accepted meetings placed." in scheduled.text
    slot_ids = re.findall(r'action="/events/\d+/brokerage/slots/(\d+)/remove"', client.get(base).text)
    assert len(slot_ids) == 2

    # removing the first slot unschedules its meeting, which the page then names with a reason
    removed = client.post(f"{base}/slots/{slot_ids[0]}/remove", headers=HTMX)
    assert removed.status_code == 200 and f"slots/{slot_ids[0]}/remove" not in removed.text
    unplaced = removed.text.split('id="unplaced"')[1].split("</div>")[0]
    assert "Agri Lab ↔" in unplaced and "Taken out of the schedule when the plan changed" in unplaced
    assert "the slot 10 Sep 09:00–09:30 was removed" in unplaced
    rescheduled = client.post(f"{base}/schedule", headers=HTMX).text
    unplaced = rescheduled.split('id="unplaced"')[1].split("</div>")[0]
    assert "Every slot Agri Lab and" in unplaced and "10 Sep 09:30–10:00: Agri Lab already in a meeting" in unplaced

    # move the slot, rename the table, without JavaScript: a redirect and the page shows the change
    ok(client.post(f"{base}/slots/{slot_ids[1]}/edit", data={"date": "2025-09-10", "start": "14:00",
                                                             "end": "14:30"}, follow_redirects=False))
    (table_id,) = re.findall(r'action="/events/\d+/brokerage/tables/(\d+)/edit"', client.get(base).text)
    ok(client.post(f"{base}/tables/{table_id}/edit", data={"name": "Mekong room"}, follow_redirects=False))
    page = client.get(base).text
    assert "14:00" in page and "Table Mekong room" in page
    bad_time = client.post(f"{base}/slots/{slot_ids[1]}/edit", data={"date": "2025-09-10", "start": "15:00",
                                                                     "end": "14:00"})
    assert bad_time.status_code == 422 and 'id="error-slot-change"' in bad_time.text

    # a participant with accepted meetings: removal refused, naming them, with a button to cancel them too
    version = re.search(rf'participants/{ids["Agri Lab"]}/remove".*?name="version" value="(\d+)"', page, re.S)
    assert version is not None
    refused = client.post(f"{base}/participants/{ids['Agri Lab']}/remove", data={"version": version.group(1)},
                          headers=HTMX)
    assert refused.status_code == 409 and f'id="error-remove-{ids["Agri Lab"]}"' in refused.text
    assert "Agri Lab has 2 accepted meeting(s)" in refused.text and 'name="cancel_meetings" value="1"' in refused.text
    gone = client.post(f"{base}/participants/{ids['Agri Lab']}/remove",
                       data={"version": version.group(1), "cancel_meetings": "1"}, follow_redirects=False)
    ok(gone)
    assert "Agri Lab" not in client.get(base).text and meetings(client, event) == []

    # rename a participant through its row's form
    page = client.get(base).text
    version = re.search(rf'participants/{ids["Lao Solar"]}/edit".*?name="version" value="(\d+)"', page, re.S)
    renamed = client.post(f"{base}/participants/{ids['Lao Solar']}/edit",
                          data={"version": version.group(1), "name": "Lao Solar Co."}, headers=HTMX)
    assert renamed.status_code == 200 and "Lao Solar Co." in renamed.text
    taken = client.post(f"{base}/participants/{ids['Mekong Foods']}/edit",
                        data={"version": "1", "name": "Lao Solar Co."}, headers=HTMX)
    assert taken.status_code == 409 and f'id="error-participant-{ids["Mekong Foods"]}"' in taken.text

    french = client.get(f"{base}?lang=fr").text
    assert "Modifier" in french and "Retirer" in french


@pytest.mark.browser
def test_htmx_in_a_real_browser_swaps_sections_and_shows_refusals(live_url: str) -> None:
    """Headless Chromium: forms swap their section without reloading the page, a refused form (422) shows its
    message in place, and a change shows up in the other sections (out-of-band swaps)."""
    browser._require_browser()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(browser.CHROMIUM), args=browser.ARGS)
        try:
            page = chromium.new_page(locale="en-GB")
            page.set_default_timeout(15_000)
            page.goto(live_url + "/login")
            page.get_by_label("Username").fill("officer")
            page.get_by_label("Password").fill(browser.BROWSER_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
            token = page.locator('meta[name="csrf-token"]').get_attribute("content") or ""
            made = page.request.post(live_url + "/api/v1/events", headers={"X-CSRF-Token": token},
                                     data={"kind": "tech_transfer_fair", "title": "Techmart",
                                           "start_date": "2025-09-10"})
            assert made.status == 201, made.text()
            page.goto(f"{live_url}/events/{made.json()['id']}/brokerage")
            page.evaluate("window.notReloaded = true")

            page.locator("#slot-date").fill("2025-09-10")
            page.locator("#slot-count").fill("2")
            page.get_by_role("button", name="Add slots").click()
            expect(page.locator("#slots li")).to_have_count(2)
            expect(page.locator("#participants fieldset label")).to_have_count(2)  # out of band
            page.get_by_role("button", name="Add tables").click()
            expect(page.locator("#tables li")).to_have_count(5)

            page.locator("#p-name").fill("Agri Lab")
            page.get_by_role("button", name="Add participant").click()
            expect(page.locator("#participants tbody tr")).to_have_count(1)
            page.locator("#p-name").fill("Agri Lab")  # the same name again: 409, shown beside the form
            page.get_by_role("button", name="Add participant").click()
            expect(page.locator("#error-participant")).to_contain_text("already takes part")
            page.locator("#p-name").fill("Lao Solar")
            page.get_by_role("button", name="Add participant").click()
            expect(page.locator("#participants tbody tr")).to_have_count(2)
            expect(page.locator("#m-requester_id option")).to_have_count(3)  # the request form, out of band

            page.locator("#m-requester_id").select_option(label="Agri Lab")
            page.locator("#m-recipient_id").select_option(label="Lao Solar")
            page.get_by_role("button", name="Request a meeting").last.click()
            page.get_by_role("button", name="Accept").click()
            expect(page.locator("#requests")).to_contain_text("Accepted (1)")
            page.get_by_role("button", name="Schedule meetings").click()
            expect(page.locator("#grid")).to_contain_text("Agri Lab ↔ Lao Solar")
            expect(page.locator("#meetings")).to_be_visible()
            assert page.evaluate("window.notReloaded") is True  # all of it without a page load
        finally:
            chromium.close()
