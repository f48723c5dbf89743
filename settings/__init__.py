"""Project settings read once from ``settings.yml`` and ``DH_*``; imports nothing of the project."""
