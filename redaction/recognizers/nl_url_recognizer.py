"""Web addresses, with an allow-list of public help and government sites.

Every URL is redacted unless its registrable domain is on the public list and it carries no
query string, fragment, @handle or number of three digits or more in its path
(werk.nl/cv/a-jansen-2024 is someone's CV). A bare domain is not safe by itself (janjansen.nl, a
one-person business, a profile path on a social site), while links to public sites (113.nl,
www.toeslagen.nl/huurtoeslag) are useful for trends and identify nobody. recognizers.yml holds
the list; the municipality adds its own domains there. A site named after a Dutch town or
municipality (www.denhaag.nl, amsterdam.nl/stadspas, gemeente-ede.nl) or after a listed help
organisation (www.schuldhulpmaatje.nl; ``data/keep_terms.txt``) is public on the same terms.

Presidio's stock URL pattern has no left boundary (it finds "gmail.com" inside an e-mail
address) and accepts any TLD for bare domains ("goed.De" after a missing space); these patterns
need a boundary, and a bare domain must end in a lowercase common TLD - or carry a path and a
TLD that the offline public-suffix list knows ("linktr.ee/djrayan010").
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re
import tldextract
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from redaction.recognizers import _lexicon
from redaction.recognizers.nl_email_recognizer import offline_tld_extractor
from redaction.wordlists import fold_accents

_START = r"(?<![\w@./-])"
_TAIL = r"""(?:[/?#][^\s<>"']*[^\s<>"'.,;:!?)\]])?"""
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_BARE_TLDS = "nl|com|org|net|eu|be|info|io|app|online|social|shop|site|xyz|tv"
# Link shorteners and chat links on TLDs that are too wordlike to accept without a path.
_SHORT_HOSTS = (
    r"bit\.ly|tinyurl\.com|t\.co|t\.me|wa\.me|goo\.gl|youtu\.be|tiny\.cc|rb\.gy|linktr\.ee"
    r"|lnkd\.in|fb\.me|instagr\.am|is\.gd|ow\.ly|cutt\.ly|shorturl\.at|t\.ly"
)
# A path that may point at one person: a number of three or more digits or an @handle.
_PERSONAL_PATH = re.compile(r"/[^\s]*(?:\d{3}|@)")
# What a platform's home page may carry around its host: "https://www.x.com/".
_BARE_HOST = re.compile(r"^(?:https?://)?(?:www\.)?|/$", re.IGNORECASE)
# How a name is written in a domain: "Den Haag" -> "denhaag", "gemeente-ede" -> "gemeenteede".
_NOT_IN_DOMAIN = re.compile(r"[^a-z0-9]")
_MUNICIPALITY_PREFIX = "gemeente"


def domain_label(name: str) -> str:
    """A place or organisation name as a domain label: lowercase letters and digits only."""
    return _NOT_IN_DOMAIN.sub("", fold_accents(name.lower()))


def _labels(names: frozenset[str]) -> frozenset[str]:
    return frozenset(label for label in map(domain_label, names) if len(label) >= 3)


class NlUrlRecognizer(UrlRecognizer):
    """Recognise URL: http(s) links, www. hosts and bare domains on common TLDs."""

    PATTERNS = [
        Pattern("url (scheme)", _START + r"https?://[^\s<>\"']*[^\s<>\"'.,;:!?)\]]", 0.6),
        Pattern(
            "url (www)", _START + rf"www\d{{0,3}}\.(?:{_LABEL}\.)+[a-z]{{2,24}}\b" + _TAIL, 0.6
        ),
        Pattern(
            "url (bare domain)",
            _START + rf"(?:{_LABEL}\.)+(?-i:{_BARE_TLDS})(?![\w@-]|\.[a-z0-9])" + _TAIL,
            0.5,
        ),
        Pattern("url (short link)", _START + rf"(?:{_SHORT_HOSTS})/[^\s<>\"']*[\w/=]", 0.6),
        Pattern(
            "url (domain with path)",
            _START + rf"(?:{_LABEL}\.)+(?-i:[a-z]{{2,24}})/[^\s<>\"']*[\w/=]",
            0.5,
        ),
    ]
    CONTEXT = ["url", "website", "site", "webpagina", "link", "linkje", "pagina", "profiel"]
    PUBLIC_DOMAINS = (
        "113.nl",
        "rijksoverheid.nl",
        "overheid.nl",
        "mijnoverheid.nl",
        "government.nl",
        "belastingdienst.nl",
        "toeslagen.nl",
        "uwv.nl",
        "werk.nl",
        "duo.nl",
        "digid.nl",
        "svb.nl",
        "cjib.nl",
        "ind.nl",
        "cak.nl",
        "rdw.nl",
        "kvk.nl",
        "politie.nl",
        "juridischloket.nl",
        "kindertelefoon.nl",
        "veiligthuis.nl",
        "voedselbankennederland.nl",
        "nibud.nl",
        "geldfit.nl",
        "wijzeringeldzaken.nl",
        "thuisarts.nl",
        "huurcommissie.nl",
        "regelhulp.nl",
        "slachtofferhulp.nl",
        "deluisterlijn.nl",
    )
    # Platforms whose home page is named, not a person on them: "x.com handle: @...", "zet het
    # op marktplaats.nl". Only the bare host survives; any path may be a profile.
    PLATFORM_DOMAINS = (
        "x.com", "twitter.com", "instagram.com", "facebook.com", "tiktok.com", "linkedin.com",
        "snapchat.com", "youtube.com", "whatsapp.com", "marktplaats.nl", "telegram.org",
    )

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "URL",
        name: str | None = None,
        public_domains: Iterable[str] | None = None,
        platform_domains: Iterable[str] | None = None,
    ) -> None:
        self._tld = offline_tld_extractor()
        domains = self.PUBLIC_DOMAINS if public_domains is None else public_domains
        self.public_domains = frozenset(d.lower().removeprefix("www.") for d in domains)
        platforms = self.PLATFORM_DOMAINS if platform_domains is None else platform_domains
        self.platform_domains = frozenset(d.lower().removeprefix("www.") for d in platforms)
        self._town_sites = _labels(_lexicon.place_names())
        self._organisation_sites = _labels(_lexicon.load_keep_terms())
        super().__init__(
            patterns=patterns or self.PATTERNS,
            context=context or self.CONTEXT,
            supported_language=supported_language,
            supported_entity=supported_entity,
            name=name,
        )
        self.global_regex_flags = re.IGNORECASE | re.MULTILINE

    def validate_result(self, pattern_text: str) -> bool | None:
        """Drop links to public sites (no query, fragment or number) and a platform's bare home
        page; keep the rest as scored."""
        if _BARE_HOST.sub("", pattern_text).lower() in self.platform_domains:
            return False
        parts = self._tld(pattern_text)
        if not parts.suffix:  # an IP host or an unknown TLD: only believable with a scheme
            return None if re.match(r"https?://", pattern_text, re.IGNORECASE) else False
        if (
            self._public_site(parts, _BARE_HOST.sub("", pattern_text).lower())
            and not re.search(r"[?#]", pattern_text)
            and not _PERSONAL_PATH.search(re.sub(r"^(?:https?://)?[^/]*", "", pattern_text))
        ):
            return False
        return None

    def _public_site(self, parts: tldextract.tldextract.ExtractResult, bare: str) -> bool:
        """A listed public domain; a site named after a town or municipality ("denhaag.nl",
        "gemeente-ede.nl/afval"); the bare home page of a listed help organisation
        ("schuldhulpmaatje.nl": not "jan.tiktok.com" nor "tikkie.me/pay/...")."""
        registered = parts.top_domain_under_public_suffix
        if registered in self.public_domains:
            return True
        label = parts.domain.replace("-", "")
        town = label.removeprefix(_MUNICIPALITY_PREFIX) or label
        if parts.subdomain not in ("", "www"):
            return False
        return town in self._town_sites or (
            bare == registered and label in self._organisation_sites
        )
