"""What the analyzer found, reduced to non-overlapping spans so no part of a value can leak."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from redaction.placeholders import PLACEHOLDER


@dataclass(frozen=True)
class Finding:
    entity_type: str
    start: int
    end: int
    score: float

    def as_dict(self) -> dict[str, object]:
        """The CLI contract: ``{"type", "start", "end", "score"}``."""
        data = asdict(self)
        data["type"] = data.pop("entity_type")
        data["score"] = round(self.score, 3)
        return data


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Merge overlapping findings into their union, typed by the one that explains it best.

    Two recognizers may see one value differently ("Kerkstraat 12" as address, "12" as part of a
    date); taking the union means nothing of either survives. A finding that contains the other
    gives the type ("Jan van Galenstraat 48" is an address that holds a name, "0031 6 98765432"
    a phone number that holds a long number); otherwise the more confident one does.
    """
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            best = max((last, finding), key=lambda f: (_contains_both(f, last, finding), f.score,
                                                        f.end - f.start))
            merged[-1] = Finding(best.entity_type, last.start, max(last.end, finding.end),
                                 max(last.score, finding.score))
        else:
            merged.append(finding)
    return merged


def _contains_both(candidate: Finding, a: Finding, b: Finding) -> bool:
    return candidate.start <= min(a.start, b.start) and candidate.end >= max(a.end, b.end)


def outside_placeholders(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Drop findings that touch a placeholder already in the text (redacting twice adds nothing)."""
    taken = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    return [f for f in findings if not any(f.start < end and start < f.end for start, end in taken)]
