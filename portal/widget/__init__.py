"""The residents' web chat widget, its demo page and privacy page, and the chat relay.

Served by the portal's Sanic app (``portal.app.create_app`` calls :func:`register`), so the page,
the script and the chat endpoint share one origin and work under ``default-src 'self'``.
"""

from portal.widget.routes import register

__all__ = ["register"]
