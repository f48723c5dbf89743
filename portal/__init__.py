"""The counsellor portal: counsellors pick up consented hand-offs, analysts read trend reports,
administrators manage accounts and read the audit log. Every access is audited."""
