import pytest

from redaction.findings import Finding, outside_placeholders, resolve_overlaps


def test_finding_serialises_to_the_cli_contract():
    assert Finding("PERSON", 7, 12, 0.8512).as_dict() == {
        "type": "PERSON", "start": 7, "end": 12, "score": 0.851}


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        # disjoint: untouched, sorted
        ([Finding("PERSON", 10, 14, 0.8), Finding("PHONE_NUMBER", 0, 5, 0.7)],
         [Finding("PHONE_NUMBER", 0, 5, 0.7), Finding("PERSON", 10, 14, 0.8)]),
        # contained: the union keeps the more confident type
        ([Finding("NL_ADDRESS", 0, 13, 0.9), Finding("DATE_TIME", 11, 13, 0.5)],
         [Finding("NL_ADDRESS", 0, 13, 0.9)]),
        # partial overlap: union, so no character of either survives
        ([Finding("PERSON", 0, 8, 0.6), Finding("NL_ADDRESS", 5, 20, 0.95)],
         [Finding("NL_ADDRESS", 0, 20, 0.95)]),
        # the finding that holds the other gives the type: a street named after a person,
        # a phone number with a long digit run inside
        ([Finding("PERSON", 0, 19, 0.85), Finding("NL_ADDRESS", 0, 22, 0.65)],
         [Finding("NL_ADDRESS", 0, 22, 0.85)]),
        ([Finding("PHONE_NUMBER", 0, 15, 0.6), Finding("ID_NUMBER", 7, 15, 0.85)],
         [Finding("PHONE_NUMBER", 0, 15, 0.85)]),
        # chain of three
        ([Finding("A", 0, 4, 0.5), Finding("B", 3, 8, 0.4), Finding("C", 7, 9, 0.3)],
         [Finding("A", 0, 9, 0.5)]),
        ([], []),
    ],
)
def test_overlapping_findings_are_merged_into_their_union(findings, expected):
    assert resolve_overlaps(findings) == expected


def test_findings_on_existing_placeholders_are_dropped():
    text = "bel <PERSOON_1> op 0612345678"
    findings = [Finding("PERSON", 5, 14, 0.9), Finding("PHONE_NUMBER", 19, 29, 0.9)]
    assert outside_placeholders(text, findings) == [findings[1]]
