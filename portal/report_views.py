"""Trend reports for analysts: the HTML and CSV files in ``reports_dir``, nothing else.

A file is served only when its name is one of the listed report names, so ``..``, slashes,
symlinks out of the folder and hidden files never reach the file system.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, raw

from portal.web import client_address, current_account, error_response, portal_of, render, requires

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".csv": "text/csv; charset=utf-8"}


def list_reports(folder: Path) -> list[dict[str, Any]]:
    """Report files directly in ``folder``, newest first; an absent folder has none."""
    if not folder.is_dir():
        return []
    root = folder.resolve()
    found = []
    for path in folder.iterdir():
        if (not SAFE_NAME.match(path.name) or path.suffix.lower() not in CONTENT_TYPES
                or not path.is_file() or path.resolve().parent != root):
            continue
        stat = path.stat()
        found.append({
            "name": path.name,
            "kind": path.suffix.lower().lstrip("."),
            "size": stat.st_size,
            "modified": datetime.fromtimestamp(stat.st_mtime, UTC).isoformat(timespec="seconds"),
        })
    return sorted(found, key=lambda r: (r["modified"], r["name"]), reverse=True)


def register(app: Sanic) -> None:
    @app.get("/reports")
    @requires("analyst")
    async def reports_page(request: Request) -> HTTPResponse:
        reports = _listed(request)
        return render(request, "reports.html", {"reports": reports})

    @app.get("/api/reports")
    @requires("analyst")
    async def api_reports(request: Request) -> HTTPResponse:
        return json({"reports": _listed(request)})

    @app.get("/reports/<name:str>")
    @requires("analyst")
    async def report_file(request: Request, name: str) -> HTTPResponse:
        return _serve(request, name)

    @app.get("/api/reports/<name:str>")
    @requires("analyst")
    async def api_report_file(request: Request, name: str) -> HTTPResponse:
        return _serve(request, name)


def _listed(request: Request) -> list[dict[str, Any]]:
    portal = portal_of(request)
    portal.audit.append(current_account(request).name, "reports_view", "",
                        client_address(request))
    return list_reports(portal.settings.reports_dir)


def _serve(request: Request, name: str) -> HTTPResponse:
    portal = portal_of(request)
    folder = portal.settings.reports_dir
    if name not in {r["name"] for r in list_reports(folder)}:
        return error_response(request, 404, "Dit rapport bestaat niet.", reason="no such report")
    path = folder / name
    portal.audit.append(current_account(request).name, "report_view", name[:128],
                        client_address(request))
    suffix = path.suffix.lower()
    headers = {"Content-Disposition": f'{"inline" if suffix == ".html" else "attachment"}; '
                                      f'filename="{name}"'}
    response = raw(path.read_bytes(), content_type=CONTENT_TYPES[suffix], headers=headers)
    # A report is someone else's HTML: no scripts, no forms, no same-origin access.
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
    return response
