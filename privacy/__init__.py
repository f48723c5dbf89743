"""The encrypted, short-lived store for the original values behind redaction placeholders."""
