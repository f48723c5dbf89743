"""IP addresses: Presidio's IpRecognizer (IPv4/IPv6 with ipaddress validation), Dutch context.

Also an IPv4 address read off a screen and typed with spaces around its dots ("31 . 201 . 18 .
74"): only with a context word ("ip-adres"), since four small numbers with dots are a list too.
"""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import IpRecognizer

_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
SPACED_IPV4 = Pattern(
    "IPv4 (spaces around the dots)",
    rf"(?<![\w.])(?={_OCTET} \.|{_OCTET}\. ){_OCTET}(?: ?\. ?{_OCTET}){{3}}(?![\w]|\.\d)",
    0.3,
)


class NlIpRecognizer(IpRecognizer):
    """Recognise IP_ADDRESS in Dutch text."""

    CONTEXT = ["ip", "ip-adres", "ipadres", "ipv4", "ipv6", "adres", "router", "modem", "server"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "IP_ADDRESS",
        name: str | None = None,
    ) -> None:
        super().__init__(
            patterns=patterns or [*IpRecognizer.PATTERNS, SPACED_IPV4],
            context=context or self.CONTEXT,
            supported_language=supported_language,
            supported_entity=supported_entity,
            name=name,
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        """The address without the spaces typed around its dots must be a valid one."""
        return super().invalidate_result(pattern_text.replace(" ", ""))
