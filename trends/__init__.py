"""Anonymised trend store and policy reports: see trends/README.md."""
