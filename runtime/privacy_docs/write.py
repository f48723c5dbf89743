"""Write the three privacy documents into a folder, each whole or not at all.

A half-written register is worse than none: each file goes to a temporary name first and is
renamed into place, so a reader (or a diff) never sees a truncated document.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from runtime.privacy_docs.dpia import render_dpia
from runtime.privacy_docs.facts import PrivacyFacts
from runtime.privacy_docs.flows_svg import render_flows_svg
from runtime.privacy_docs.register import render_register

REGISTER = "verwerkingsregister.md"
DPIA = "dpia-feiten.md"
FLOWS = "gegevensstromen.svg"


def render_all(facts: PrivacyFacts) -> Mapping[str, str]:
    """File name → content of every document, from one set of facts."""
    return {REGISTER: render_register(facts), DPIA: render_dpia(facts),
            FLOWS: render_flows_svg(facts)}


def write_privacy_docs(facts: PrivacyFacts, out_dir: Path) -> list[Path]:
    """Write every document into ``out_dir`` (created if missing); returns the paths written.

    The documents hold no personal data and no secrets (only setting values, names of
    services and hosts), so they get the ordinary mode of new files.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in render_all(facts).items():
        target = out_dir / name
        partial = out_dir / f".{name}.tmp"
        partial.write_text(content, encoding="utf-8")
        os.replace(partial, target)
        written.append(target)
    return written
