import pytest

from redaction.evaluation.corpus import Span, parse_annotated
from redaction.evaluation.metrics import (
    entity_counts,
    f_beta,
    leaks,
    score,
    token_counts,
    wilson,
)

U = parse_annotated("ik ben [Sanne de Vries](PERSON) en bel [0612345678](PHONE_NUMBER)")


def test_a_partly_covered_name_leaks():
    only_first_name = [Span("PERSON", 7, 12)]
    assert leaks(U, only_first_name)
    assert not leaks(U, [Span("PERSON", 7, 21), Span("X", 29, 39)])


def test_token_recall_is_type_blind():
    wrong_types = [Span("URL", 7, 21), Span("NL_BSN", 29, 39)]
    counts = token_counts(U, wrong_types)
    assert (counts.tp, counts.fn, counts.fp) == (4, 0, 0)


def test_entity_counts_need_the_same_type_and_an_overlap():
    counts = entity_counts(U.gold, [Span("PERSON", 7, 12), Span("PERSON", 0, 2)], "PERSON")
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_over_redaction_costs_precision_not_recall():
    everything = [Span("PERSON", 0, len(U.text))]
    counts = token_counts(U, everything)
    assert counts.fn == 0 and counts.fp == 4  # ik, ben, en, bel


def test_score_counts_leaks_only_over_utterances_with_personal_data():
    clean = parse_annotated("ik heb schulden")
    result = score([U, clean], [[Span("PERSON", 7, 21)], []], ["PERSON", "PHONE_NUMBER"],
                   bootstrap=50)
    assert result.with_pii == 1 and result.leaked == 1
    assert result.per_type["PHONE_NUMBER"].fn == 1


@pytest.mark.parametrize(("ok", "total"), [(0, 10), (10, 10), (97, 100)])
def test_wilson_interval_contains_the_estimate(ok, total):
    low, high = wilson(ok, total)
    assert 0 <= low <= ok / total <= high <= 1


def test_f2_weighs_recall_more_than_precision():
    assert f_beta(0.5, 1.0, 2) > f_beta(1.0, 0.5, 2)


def test_a_clean_message_with_any_finding_counts_as_touched():
    clean = [parse_annotated("er liep een vos in de tuin"), parse_annotated("ik heb schulden")]
    result = score([U, *clean], [[Span("PERSON", 7, 21)], [Span("PERSON", 12, 15)], []],
                   ["PERSON"], bootstrap=50)
    assert (result.touched_clean, result.clean) == (1, 2)
    assert result.clean_touched_rate == 0.5
