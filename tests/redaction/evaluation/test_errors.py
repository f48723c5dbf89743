import pytest

from redaction.evaluation.corpus import CORPUS_FILE, Span, parse_annotated
from redaction.evaluation.errors import main, misses, over_redactions, wrong_types


def test_the_held_out_corpus_is_refused():
    with pytest.raises(SystemExit):
        main([str(CORPUS_FILE)])


def test_misses_over_redactions_and_wrong_types():
    utterance = parse_annotated("bel [06-12345678](PHONE_NUMBER) of mail [Jan](PERSON) vandaag")
    predicted = [Span("ID_NUMBER", 4, 15), Span("PERSON", 28, 35)]  # "vandaag" is over
    assert misses(utterance, predicted) == [utterance.gold[1]]
    assert over_redactions(utterance, predicted) == [predicted[1]]
    assert wrong_types(utterance, predicted) == [(utterance.gold[0], predicted[0])]
