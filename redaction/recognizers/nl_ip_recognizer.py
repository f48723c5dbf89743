"""IP addresses: Presidio's IpRecognizer (IPv4/IPv6 with ipaddress validation), Dutch context."""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import IpRecognizer


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
            patterns=patterns,
            context=context or self.CONTEXT,
            supported_language=supported_language,
            supported_entity=supported_entity,
            name=name,
        )
