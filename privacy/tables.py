"""The tables. Personal values only ever appear here encrypted (``*_encrypted`` columns)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

# Original values behind redaction placeholders, per conversation (privacy/vault.py).
vault_values = Table(
    "vault_values", metadata,
    Column("conversation", String(64), primary_key=True),   # keyed pseudonym, not the sender id
    Column("entity_type", String(32), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("lookup", String(64), nullable=False, index=True),  # keyed hash of the normalised value
    Column("value_encrypted", Text, nullable=False),
    Column("last_used", Float, nullable=False, index=True),    # epoch seconds
    # One number per value: two workers numbering the same new value at once cannot both win.
    Index("uq_vault_values_value", "conversation", "entity_type", "lookup", unique=True),
)

# Every consent question answered: what, for what, to whom, the exact text and its version.
consents = Table(
    "consents", metadata,
    Column("id", String(32), primary_key=True),
    Column("conversation", String(64), nullable=False, index=True),
    Column("purpose", Text, nullable=False),
    Column("recipient", String(64), nullable=False),
    Column("data_categories", Text, nullable=False),  # comma-separated category names
    Column("question", Text, nullable=False),
    Column("question_version", String(32), nullable=False),
    Column("answer", String(16), nullable=False),      # given | refused | withdrawn
    Column("answered_at", DateTime(timezone=True), nullable=False),
)

# Deletions done for a resident: which categories, when, why - never the data itself.
deletions = Table(
    "deletions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation", String(64), nullable=False, index=True),
    Column("reason", String(32), nullable=False),      # refused | withdrawn | anonymous | request
    Column("categories", Text, nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=False),
)

# Hand-offs to a counsellor: the minimum, contact details encrypted.
handoffs = Table(
    "handoffs", metadata,
    Column("id", String(32), primary_key=True),
    Column("conversation", String(64), nullable=False, index=True),
    Column("team", String(64), nullable=False, index=True),
    Column("topics", Text, nullable=False),            # comma-separated intent labels
    Column("contact_way", String(16), nullable=False),  # telefoon | e-mail
    Column("contact_encrypted", Text, nullable=False),
    Column("preferred_moment", String(64), nullable=False),
    Column("summary", Text, nullable=False),            # redacted, confirmed by the resident
    Column("consent_id", String(32), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("claimed_by", String(64)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True)),
)

# A hand-off's case code, only as a keyed hash: with the code a resident finds the hand-off again
# from a later chat (privacy/case_codes.py). The row goes with its hand-off.
case_codes = Table(
    "case_codes", metadata,
    Column("handoff_id", String(32), primary_key=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Every look-up with a case code and what came of it - never the code. Wrong codes in here are
# what the throttle counts, per conversation and for the whole system.
case_lookups = Table(
    "case_lookups", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation", String(64), nullable=False, index=True),  # the asking conversation
    Column("handoff_id", String(32)),                  # when the code was right
    Column("outcome", String(16), nullable=False),     # found | unknown | throttled | withdrawn
    Column("at", DateTime(timezone=True), nullable=False, index=True),
)

# A value shown to the resident exactly once (the new case code): the action puts it here, the
# Rasa process's channel takes it out while it sends the reply, so the tracker store, the event
# stream and the logs only ever hold the marker in the bot's message.
reveals = Table(
    "reveals", metadata,
    Column("conversation", String(64), primary_key=True),  # keyed pseudonym
    Column("value_encrypted", Text, nullable=False),
    Column("expires_at", Float, nullable=False, index=True),  # epoch seconds
)
