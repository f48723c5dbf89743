"""Analysts read the trend reports in reports_dir - and nothing outside it."""

from __future__ import annotations

import pytest

from tests.portal.conftest import REPORTS, PortalServer


def test_reports_are_listed(portal: PortalServer) -> None:
    ellen = portal.as_user("ellen")
    listed = {r["name"] for r in ellen.get("/api/reports").json()["reports"]}
    assert listed == set(REPORTS)
    page = ellen.get("/reports")
    assert all(name in page.text for name in REPORTS)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_is_served(portal: PortalServer, name: str) -> None:
    response = portal.as_user("ellen").get(f"/reports/{name}")
    assert response.status_code == 200
    assert response.text == REPORTS[name]
    expected = "text/html" if name.endswith(".html") else "text/csv"
    assert response.headers["content-type"].startswith(expected)
    assert "sandbox" in response.headers["content-security-policy"]


@pytest.mark.parametrize("path", [
    "/reports/../geheim.html", "/reports/..%2Fgeheim.html", "/reports/%2e%2e%2fgeheim.html",
    "/reports/..%2F..%2Fsettings.yml", "/reports/geheim.html", "/reports/.hidden.csv",
    "/api/reports/..%2Fgeheim.html", "/reports/%2Fetc%2Fpasswd", "/reports/trends-2026-10.txt",
])
def test_path_traversal_is_refused(portal: PortalServer, path: str) -> None:
    response = portal.as_user("ellen").get(path)
    assert response.status_code == 404
    assert "buiten de map" not in response.text and "root:" not in response.text


def test_empty_reports_page(quick: PortalServer) -> None:
    ellen = quick.login("ellen")
    assert ellen.get("/api/reports").json() == {"reports": []}
    assert "Er zijn nog geen rapporten" in ellen.get("/reports").text
