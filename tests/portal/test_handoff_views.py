"""Counsellors see only their team's new hand-offs and their own cases; contact details only
after claiming, only for the claimer; steps only in order (a wrong step is 409)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from tests.portal.conftest import PortalServer


def _post(client, path: str):  # noqa: ANN001, ANN202 - httpx client with .csrf
    return client.post(path, headers={"X-CSRF-Token": client.csrf})


def test_queue_lists_own_team_without_contact_details(portal: PortalServer) -> None:
    ours = portal.new_handoff("schuldhulp", contact="06-11112222")
    theirs = portal.new_handoff("cjg", contact="06-33334444")
    for client in (portal.as_user("anna"),):
        queue = client.get("/api/handoffs").json()
        ids = [h["id"] for h in queue["new"]]
        assert ours.id in ids and theirs.id not in ids
        assert all("contact" not in h for h in queue["new"])
        page = client.get("/handoffs")
        assert ours.id in page.text and theirs.id not in page.text
        assert "06-11112222" not in page.text and "06-33334444" not in page.text


@pytest.mark.parametrize("path", ["/api/handoffs/{id}", "/handoffs/{id}"])
def test_other_team_cannot_see_a_hand_off(portal: PortalServer, path: str) -> None:
    handoff = portal.new_handoff("schuldhulp")
    response = portal.as_user("carla").get(path.format(id=handoff.id))  # carla: team cjg
    assert response.status_code == 404
    assert "06-12345678" not in response.text and handoff.summary not in response.text


@pytest.mark.parametrize("step", ["claim", "contacted", "close", "delete"])
@pytest.mark.parametrize("api", [True, False], ids=["api", "html"])
def test_other_team_cannot_act_on_a_hand_off(portal: PortalServer, step: str, api: bool) -> None:
    handoff = portal.new_handoff("schuldhulp")
    carla = portal.as_user("carla")
    prefix = "/api" if api else ""
    response = carla.post(f"{prefix}/handoffs/{handoff.id}/{step}",
                          data={"csrf_token": carla.csrf, "confirm": "ja"})
    assert response.status_code == 404
    after = portal.services.queue.get(handoff.id)
    assert after is not None and after.status == "new" and after.claimed_by is None


def test_contact_details_only_after_claim_and_only_for_the_claimer(portal: PortalServer) -> None:
    handoff = portal.new_handoff("schuldhulp", contact="06-55556666")
    anna, bram = portal.as_user("anna"), portal.as_user("bram")  # same team
    before = anna.get(f"/api/handoffs/{handoff.id}").json()
    assert "contact" not in before and before["status"] == "new"
    assert "06-55556666" not in anna.get(f"/handoffs/{handoff.id}").text

    claimed = _post(anna, f"/api/handoffs/{handoff.id}/claim")
    assert claimed.status_code == 200
    assert claimed.json()["contact"] == "06-55556666"
    assert anna.get(f"/api/handoffs/{handoff.id}").json()["contact"] == "06-55556666"
    assert "06-55556666" in anna.get(f"/handoffs/{handoff.id}").text

    # The teammate no longer sees it at all: not in the queue, not by id, cannot act.
    assert handoff.id not in [h["id"] for h in bram.get("/api/handoffs").json()["new"]]
    for path in (f"/api/handoffs/{handoff.id}", f"/handoffs/{handoff.id}"):
        response = bram.get(path)
        assert response.status_code == 404 and "06-55556666" not in response.text
    for step in ("claim", "contacted", "close", "delete"):
        assert _post(bram, f"/api/handoffs/{handoff.id}/{step}").status_code == 404
    assert portal.services.queue.get(handoff.id).claimed_by == "anna"
    assert handoff.id in [h["id"] for h in anna.get("/api/handoffs").json()["mine"]]


def test_steps_in_order_and_wrong_step_is_409(portal: PortalServer) -> None:
    handoff = portal.new_handoff("schuldhulp")
    anna = portal.as_user("anna")
    base = f"/api/handoffs/{handoff.id}"
    for wrong in ("contacted", "close"):  # not claimed yet
        response = _post(anna, f"{base}/{wrong}")
        assert response.status_code == 409
        assert "new" in response.json()["reason"]
    assert _post(anna, f"{base}/claim").json()["status"] == "claimed"
    assert _post(anna, f"{base}/claim").status_code == 409
    assert _post(anna, f"{base}/contacted").json()["status"] == "contacted"
    assert _post(anna, f"{base}/contacted").status_code == 409
    closed = _post(anna, f"{base}/close")
    assert closed.json()["status"] == "closed"
    assert "contact" not in closed.json()  # a closed case no longer shows contact details
    for again in ("claim", "contacted", "close"):
        assert _post(anna, f"{base}/{again}").status_code == 409
    assert "contact" not in anna.get(base).json()
    assert portal.services.queue.get(handoff.id).status == "closed"


def test_close_straight_after_claim_is_allowed(portal: PortalServer) -> None:
    handoff = portal.new_handoff("schuldhulp")
    anna = portal.as_user("anna")
    _post(anna, f"/api/handoffs/{handoff.id}/claim")
    assert _post(anna, f"/api/handoffs/{handoff.id}/close").json()["status"] == "closed"


def test_unknown_step_is_404(portal: PortalServer) -> None:
    handoff = portal.new_handoff("schuldhulp")
    response = _post(portal.as_user("anna"), f"/api/handoffs/{handoff.id}/goedkeuren")
    assert response.status_code == 404
    assert portal.services.queue.get(handoff.id).status == "new"


def test_html_steps_redirect_and_show_the_case(portal: PortalServer) -> None:
    handoff = portal.new_handoff("schuldhulp", contact="fatima@example.nl")
    anna = portal.as_user("anna")
    response = anna.post(f"/handoffs/{handoff.id}/claim", data={"csrf_token": anna.csrf})
    assert response.status_code == 303 and response.headers["location"] == f"/handoffs/{handoff.id}"
    page = anna.get(f"/handoffs/{handoff.id}")
    assert "fatima@example.nl" in page.text and "Ik heb contact gehad" in page.text
    assert "<dd>schulden</dd>" in page.text  # topic in Dutch, from bot/consent.yml
    local = handoff.created_at.astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%d-%m-%Y %H:%M")
    assert local in page.text
    assert anna.get(f"/api/handoffs/{handoff.id}").json()["topic_names"] == ["schulden"]
    anna.post(f"/handoffs/{handoff.id}/contacted", data={"csrf_token": anna.csrf})
    response = anna.post(f"/handoffs/{handoff.id}/close", data={"csrf_token": anna.csrf})
    assert response.status_code == 303 and response.headers["location"] == "/handoffs"
    assert "fatima@example.nl" not in anna.get(f"/handoffs/{handoff.id}").text


def test_claimer_can_delete_on_request_and_it_is_logged(portal: PortalServer) -> None:
    handoff = portal.new_handoff("schuldhulp")
    anna = portal.as_user("anna")
    assert _post(anna, f"/api/handoffs/{handoff.id}/delete").status_code == 409  # not claimed
    _post(anna, f"/api/handoffs/{handoff.id}/claim")
    unconfirmed = anna.post(f"/handoffs/{handoff.id}/delete", data={"csrf_token": anna.csrf})
    assert unconfirmed.status_code == 400 and portal.services.queue.get(handoff.id) is not None
    response = anna.post(f"/handoffs/{handoff.id}/delete",
                         data={"csrf_token": anna.csrf, "confirm": "ja"})
    assert response.status_code == 303
    assert portal.services.queue.get(handoff.id) is None
    records = portal.services.deletions.for_conversation(handoff.conversation)
    assert [r.reason for r in records] == ["request"]


def test_unknown_hand_off_is_404(portal: PortalServer) -> None:
    anna = portal.as_user("anna")
    assert anna.get("/api/handoffs/" + "f" * 32).status_code == 404
    assert _post(anna, "/api/handoffs/" + "f" * 32 + "/claim").status_code == 404
