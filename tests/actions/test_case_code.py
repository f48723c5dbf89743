"""What a resident is shown of a stored contact: enough to recognise it, too little to learn it."""

from __future__ import annotations

import pytest

from actions.case_code import masked_contact


@pytest.mark.parametrize(("way", "contact", "shown", "hidden"), [
    ("telefoon", "06-48392107", "telefoon, nummer eindigt op 07", ["4839", "0648"]),
    ("telefoon", "+31 6 4839 2107", "telefoon, nummer eindigt op 07", ["4839"]),
    ("e-mail", "f.elamrani@example.nl", "e-mail, f…@….nl", ["elamrani", "example"]),
    ("e-mail", "zonderpunt@localhost", "e-mail, z…@….", ["zonderpunt", "localhost"]),
    ("telefoon", "", "telefoon", []),
])
def test_the_contact_is_partly_masked(way, contact, shown, hidden):
    masked = masked_contact(way, contact)
    assert masked == shown
    assert not any(part in masked for part in hidden)
