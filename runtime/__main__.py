"""Command line: ``python -m runtime run`` starts the whole system on the configured settings;
``python -m runtime privacy-docs --out DIR`` writes the processing-register entry, the DPIA facts
and the data-flow diagram for the configuration in force (environment and ``PROFILE`` included)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.consent import ConsentTextError
from bot.referrals import ReferralsError
from runtime.launcher import LaunchError, run_forever
from runtime.messaging_config import MessagingConfigError
from runtime.privacy_docs.facts import collect_facts
from runtime.privacy_docs.write import write_privacy_docs
from settings.core import SettingsError, load_settings


def privacy_docs(out_dir: Path) -> int:
    """Write the privacy documents; a configuration that cannot start is reported, not described."""
    try:
        facts = collect_facts()
    except (SettingsError, MessagingConfigError, ConsentTextError, ReferralsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in write_privacy_docs(facts, out_dir):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m runtime", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start Rasa and the action server and keep them running")
    docs = commands.add_parser(
        "privacy-docs", help="write verwerkingsregister.md, dpia-feiten.md and "
                             "gegevensstromen.svg from the configuration in force")
    docs.add_argument("--out", type=Path, required=True, metavar="DIR",
                      help="folder for the three files (created if missing)")
    args = parser.parse_args(argv)
    if args.command == "run":
        try:
            return run_forever(load_settings())
        except LaunchError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    if args.command == "privacy-docs":
        return privacy_docs(args.out)
    return 2


if __name__ == "__main__":
    sys.exit(main())
