"""Command line: ``python -m runtime run`` starts the whole system on the configured settings."""

from __future__ import annotations

import argparse
import sys

from runtime.launcher import LaunchError, run_forever
from settings.core import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m runtime", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start Rasa and the action server and keep them running")
    args = parser.parse_args(argv)
    if args.command == "run":
        try:
            return run_forever(load_settings())
        except LaunchError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
