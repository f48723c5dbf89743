"""The real redactor (trained NER + all recognizers), built once per test session."""

from __future__ import annotations

import pytest

from redaction.redactor import Redactor


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    from redaction.analyzer import build_redactor
    from redaction.settings import load_redaction_settings

    return build_redactor(load_redaction_settings())
