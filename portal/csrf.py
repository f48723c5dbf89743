"""Cross-site request forgery checks.

Signed-in requests carry the session's own token (hidden form field ``csrf_token`` or header
``X-CSRF-Token``). The log-in form has no session yet, so it uses a double-submit cookie: a random
value both in a SameSite=Strict cookie and in the form, which another site can neither read nor set.
A foreign ``Origin`` header is refused outright.
"""

from __future__ import annotations

import hmac
import secrets

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
LOGIN_COOKIE = "dh_login_csrf"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, supplied: str | None) -> bool:
    """Constant-time comparison; an empty or missing token never matches."""
    if not expected or not supplied:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), supplied.encode("utf-8"))


def origin_allowed(origin: str | None, host: str | None,
                   others: frozenset[str] = frozenset()) -> bool:
    """No Origin header (older clients, curl) is fine; a present one must name this host, or be
    one of ``others`` (configured sites, exactly as browsers send them). ``null`` never is."""
    if not origin:
        return True
    if origin == "null":
        return False
    if origin.rstrip("/").lower() in others:
        return True
    if not host:
        return False
    return origin.split("://", 1)[-1].rstrip("/") == host


def canonical_path(path: str) -> str:
    """``/login/``, ``//login`` and ``login`` all become ``/login``: Sanic routes them alike."""
    return "/" + "/".join(part for part in path.split("/") if part)
