"""Rasa's own consistency check of domain, NLU data, rules and stories."""

import os
import subprocess
import sys

from settings.core import PROJECT_ROOT


def test_rasa_data_validate_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--config", "config.yml",
         "--domain", "domain.yml", "--data", "nlu_data", "--fail-on-warnings"],
        cwd=PROJECT_ROOT, capture_output=True, text=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
