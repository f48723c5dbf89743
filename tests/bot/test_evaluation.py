from bot.evaluation import confidently_wrong, fallback_threshold, summary_table


def test_fallback_threshold_comes_from_config_yml():
    assert 0 < fallback_threshold() < 1


def test_only_errors_above_the_threshold_count_as_wrong_answers():
    errors = [{"intent_prediction": {"confidence": c}} for c in (0.2, 0.44, 0.45, 0.9)]
    assert confidently_wrong(errors, 100, 0.45) == (2, 100)


def test_summary_table_puts_macro_average_first():
    report = {"macro avg": {"precision": 0.8, "recall": 0.7, "f1-score": 0.75, "support": 3},
              "weighted avg": {"precision": 0.8, "recall": 0.7, "f1-score": 0.75, "support": 3},
              "debt": {"precision": 1.0, "recall": 0.5, "f1-score": 0.667, "support": 2},
              "accuracy": 0.7}
    lines = summary_table({"chosen": report}).splitlines()
    assert lines[2].startswith("| **macro avg** | 0.800 | 0.700 | 0.750")
    assert lines[4] == "| debt | 1.000 | 0.500 | 0.667 | 2 |"
