"""What residents agreed to, what was deleted, and the hand-offs waiting for a counsellor."""
