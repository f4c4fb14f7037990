"""Any list downloads as CSV with the list's filters, scoped to what the user may see."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from fastapi.testclient import TestClient
from tests.web.helpers import post, seed


def test_a_filtered_list_exports_as_csv_for_spreadsheets(client: TestClient,
                                                         client_as: Callable[..., TestClient]) -> None:
    data = seed(client)
    other = post(client, "/partnerships", {"name": "Lào–Việt Nam", "country_codes": ["LAO", "VNM"]})
    response = client.get("/api/v1/partnerships/export.csv?sort=name")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="partnerships.csv"' in response.headers["content-disposition"]
    assert response.text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [r["name"] for r in rows] == ["Belgium–Vietnam", "Lào–Việt Nam"]
    assert rows[0]["country_codes"] == "BEL; VNM"
    filtered = client.get("/api/v1/partnerships/export.csv?country=LAO").text
    assert "Lào–Việt Nam" in filtered and "Belgium" not in filtered
    assert client.get("/api/v1/partnerships/export.csv?sort=nonsense").status_code == 422
    viewer = client_as("viewer", partnership_ids=[other["id"]])
    assert "Belgium" not in viewer.get("/api/v1/partnerships/export.csv").text
    # the list page offers the download with its current filters
    page = client.get(f"/commitments?partnership_id={data['partnership']['id']}").text
    assert f'href="/api/v1/commitments/export.csv?partnership_id={data["partnership"]["id"]}"' in page
