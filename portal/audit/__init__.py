"""The portal's audit log (``log``), its hash chain (``chain``) and ``python -m portal.audit``."""

from portal.audit.chain import AuditChainError
from portal.audit.log import ACTIONS, AuditEntry, AuditLog

__all__ = ["ACTIONS", "AuditChainError", "AuditEntry", "AuditLog"]
