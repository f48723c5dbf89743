"""``make eval-redaction``: our redactor against deduce and Presidio's defaults, in one run."""
