"""``python -m portal``: serve the counsellor portal on the configured host and port."""

from __future__ import annotations

import sys

from portal.app import create_app
from portal.settings import load_portal_settings
from privacy.services import open_privacy_services
from settings.core import SettingsError


def main() -> int:
    try:
        settings = load_portal_settings()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    app = create_app(settings, open_privacy_services())
    # One worker in this process: sessions and throttling live in the database anyway.
    app.run(host=settings.host, port=settings.port, access_log=False, debug=False,
            motd=False, workers=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
