from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_history_box_and_restore_from_the_page(client: TestClient) -> None:
    p = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]}).json()
    client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 1, "name": "Renamed"})
    page = client.get(f"/partnerships/{p['id']}")
    assert page.status_code == 200 and "History" in page.text and "changed: Name" in page.text
    forms = re.findall(r'action="/audit/(\d+)/restore"', page.text)
    assert len(forms) == 1  # the newest entry is the current state: only the older one can be restored
    response = client.post(f"/audit/{forms[0]}/restore", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith(f"/partnerships/{p['id']}")
    assert client.get(f"/api/v1/partnerships/{p['id']}").json()["name"] == "Vietnam–Laos"
    french = client.get(f"/partnerships/{p['id']}?lang=fr")
    assert "Historique" in french.text and "Restaurer cette version" in french.text
