"""The house: layers without cycles (import contracts in pyproject.toml) and small modules.

``make lint`` runs the same contracts; this test makes CI (``make test``) hold them too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from settings.core import PROJECT_ROOT

MAX_LINES = 400
PACKAGES = ("evaluation", "runtime", "channels", "portal", "actions", "bot", "trends", "privacy",
            "redaction", "settings", "benchmarks", "tests")


def lint_imports(config: Path | None = None) -> subprocess.CompletedProcess[str]:
    args = [str(Path(sys.executable).with_name("lint-imports"))]
    if config is not None:
        args += ["--config", str(config)]
    return subprocess.run(args, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)


def test_the_import_contracts_hold() -> None:
    result = lint_imports()
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_layers(tmp_path: Path) -> None:
    """The contract can fail: settings (the leaf) importing the composition root is caught."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
        .replace('forbidden_modules = ["evaluation", "runtime", "channels"',
                 'forbidden_modules = ["yaml", "evaluation", "runtime", "channels"'),
        encoding="utf-8")
    result = lint_imports(config)
    assert result.returncode != 0
    assert "settings.core -> yaml" in result.stdout


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_is_over_400_lines(package: str) -> None:
    long = {str(path.relative_to(PROJECT_ROOT)): n
            for path in (PROJECT_ROOT / package).rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
