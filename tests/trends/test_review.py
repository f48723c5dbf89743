"""The trainer loop: which utterances are exported, and how."""

from __future__ import annotations

from datetime import date, datetime

import yaml

from trends.report_data import Period
from trends.review import review_yaml, unsure_utterances
from trends.store import TrendRecord

WHEN = datetime(2026, 11, 10, 14)
PERIOD = Period(date(2026, 11, 1), date(2026, 11, 30))


def test_low_confidence_and_fallbacks_only_deduplicated(store):
    store.add([
        TrendRecord(WHEN, "message", "a" * 16, intent="debt", suggestion="debt",
                    confidence_band=5, text="ik  heb een  aanmaning"),
        TrendRecord(WHEN, "message", "b" * 16, intent="debt", suggestion="debt",
                    confidence_band=5, text="ik heb een aanmaning"),
        TrendRecord(WHEN, "message", "c" * 16, intent="debt", suggestion="debt",
                    confidence_band=9, text="ik heb schulden"),          # sure: not exported
        TrendRecord(WHEN, "message", "d" * 16, intent="nlu_fallback", suggestion="stress",
                    confidence_band=4, text="alles is zwaar"),
        TrendRecord(WHEN, "fallback", "d" * 16, intent="nlu_fallback", suggestion=None,
                    text="alles is zwaar"),                              # same text, once
        TrendRecord(WHEN, "message", "e" * 16, intent="debt", suggestion="debt",
                    confidence_band=2, text="/debt"),                    # a button
        TrendRecord(datetime(2026, 10, 1, 9), "message", "f" * 16, intent="youth",
                    suggestion="youth", confidence_band=1, text="buiten de periode"),
    ])
    found = unsure_utterances(store.engine, PERIOD, 0.6)
    assert found == {"debt": [("ik heb een aanmaning", 2)], "stress": [("alles is zwaar", 2)]}
    assert unsure_utterances(store.engine, PERIOD, 0.5) == {"stress": [("alles is zwaar", 2)]}


def test_yaml_is_rasa_nlu_with_commented_examples():
    text = review_yaml({"debt": [("ik heb een aanmaning: help", 2)],
                        "unsure": [("regel\nnieuw", 1)]}, PERIOD, 0.6, date(2026, 11, 30))
    data = yaml.safe_load(text)
    assert data["version"] == "3.1" and [i["intent"] for i in data["nlu"]] == ["debt", "unsure"]
    assert "    # - ik heb een aanmaning: help  (2x)" in text
    assert "    # - regel nieuw  (1x)" in text
