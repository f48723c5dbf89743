"""The baselines run beside ours without changing how the process logs."""

import logging

import pytest

from redaction.evaluation import systems


@pytest.mark.slow  # builds the deduce baseline (~12 s): `make test`, not `make test-fast`
def test_the_deduce_baseline_leaves_the_root_logger_as_it_was():
    root = logging.getLogger()
    before = (root.level, list(root.handlers))

    run = systems.deduce_alone()

    assert (root.level, list(root.handlers)) == before
    spans = run("Mijn naam is Jan Jansen en ik woon in Utrecht.")
    assert any(span.start == 13 for span in spans)
