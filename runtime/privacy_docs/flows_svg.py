"""The data-flow diagram (``gegevensstromen.svg``), drawn by hand: no layout tool to install.

Boxes are stacked per column and sized to their text; arrows join box edges. Every number in
it (minutes in the vault, days in each store) comes from ``PrivacyFacts``, and the title and
description carry the same flows in words for screen readers (``flows.flow_steps``).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

from runtime.privacy_docs.facts import PrivacyFacts
from runtime.privacy_docs.flows import flow_steps, messaging_names
from runtime.privacy_docs.stores import nl_number

FONT = "'Segoe UI', Arial, Helvetica, sans-serif"
FONT_SIZE = 13
LINE = 17
CHAR_W = 7.0  # average width of a character at FONT_SIZE, to wrap without measuring
PAD = 10
COLUMNS = {"a": (20, 190), "b": (320, 200), "c": (630, 240), "d": (980, 250)}
WIDTH = 1250
# fill, stroke per kind of box (contrast of the text on each fill is above 7:1)
STYLES = {
    "person": ("#f1e8f7", "#5b2c83"), "boundary": ("#fff4cc", "#7a5d00"),
    "encrypted": ("#e3f4e1", "#2e6b30"), "store": ("#e6f0fa", "#1f4e79"),
    "external": ("#fde8e8", "#9b1c1c"),
}
SHORT_CHANNELS = {"RestInput": "webwidget en REST", "SocketIOInput": "socket.io",
                  "TelegramInput": "Telegram", "TwilioInput": "sms/WhatsApp (Twilio)"}


@dataclass
class Box:
    key: str
    column: str
    kind: str
    title: str
    body: list[str]
    keep: list[str]  # how long it stays: drawn bold
    y: float = 0.0

    @property
    def x(self) -> float:
        return COLUMNS[self.column][0]

    @property
    def w(self) -> float:
        return COLUMNS[self.column][1]

    def lines(self) -> list[tuple[str, bool]]:
        """(text, bold) per drawn line, wrapped to the box's width."""
        width = int((self.w - 2 * PAD) / CHAR_W)
        out = [(line, True) for line in textwrap.wrap(self.title, width)]
        for text, bold in [*((t, False) for t in self.body), *((t, True) for t in self.keep)]:
            out += [(line, bold) for line in textwrap.wrap(text, width)]
        return out

    @property
    def h(self) -> float:
        return len(self.lines()) * LINE + 2 * PAD + 4

    @property
    def bottom(self) -> float:
        return self.y + self.h


def _boxes(facts: PrivacyFacts) -> dict[str, Box]:
    app = facts.settings
    tracker, texts, counts = (facts.store(k) for k in ("tracker", "trend_texts", "trend_counts"))
    where = facts.locations
    channels = [SHORT_CHANNELS.get(c.key.rsplit(".", 1)[-1], c.label) for c in facts.channels]
    boxes = [
        Box("resident", "a", "person", "Inwoner", ["typt in: " + ", ".join(channels)], []),
        Box("boundary", "b", "boundary", "Grens: invoerpoort, veiligheidscheck en redactie",
            ["namen en nummers worden plaatshouders (<PERSOON_1>)", "in het geheugen"],
            ["niets opgeslagen"]),
        Box("vault", "c", "encrypted", "Kluis: originele waarden",
            ["versleuteld (AES-GCM), per gesprek", _plain(where.privacy.place)],
            [f"gewist na {nl_number(app.privacy.vault_idle_minutes)} minuten zonder gebruik"]),
        Box("tracker", "c", "store", "Rasa-trackerstore",
            ["tekst met plaatshouders, pseudoniem", _plain(where.tracker.place)],
            [f"bewaard: {tracker.retention}", "hele gesprek gewist op verzoek"]),
        Box("trends", "c", "store", "Trendopslag",
            ["labels, wijk, doelgroep; geen afzender-id", _plain(where.trends.place)],
            [f"teksten: {texts.retention}", f"labels en tellingen: {counts.retention}"]),
        Box("handoffs", "d", "encrypted", "Doorverwijswachtrij",
            ["onderwerp en moment; contactgegevens versleuteld; zaakcode alleen als hash"],
            [f"bewaard: {facts.store('handoffs').retention}"]),
        Box("portal", "d", "person", "Hulpverlenersportaal",
            ["alleen het team van het onderwerp; contactgegevens pas na claimen",
             "de hulpverlener belt of mailt de inwoner"],
            [f"auditlog: {facts.store('audit').retention}"]),
        Box("consents", "d", "store", "Toestemmingsregister en verwijderlog",
            [f"antwoord en exacte tekst, versie {facts.consent.version}"],
            [facts.store("consents").retention]),
        Box("reports", "d", "person", "Beleidsrapporten",
            [f"aantallen onder {app.trends.min_count} verborgen, andere afgerond op "
             f"{app.trends.rounding_base}"], []),
    ]
    providers = messaging_names(facts)
    if providers:
        boxes.append(Box("messaging", "a", "external", "Aanbieder: " + ", ".join(providers),
                         ["ziet de berichten ongeredigeerd"], ["eigen bewaarbeleid"]))
    return {box.key: box for box in boxes}


def _plain(place: str) -> str:
    return "in: " + place.replace("`", "")


def _stack(boxes: dict[str, Box], keys: list[str], top: float, gap: float) -> None:
    y = top
    for key in keys:
        boxes[key].y = y
        y = boxes[key].bottom + gap


def _layout(boxes: dict[str, Box]) -> float:
    """Place every box; returns the height the drawing needs."""
    _stack(boxes, ["vault", "tracker", "trends"], 70, 80)
    _stack(boxes, ["handoffs", "portal", "consents", "reports"], 70, 50)
    tracker = boxes["tracker"]
    boundary = boxes["boundary"]
    boundary.y = tracker.y + tracker.h / 2 - boundary.h / 2
    boxes["resident"].y = boundary.y + boundary.h / 2 - boxes["resident"].h / 2
    if "messaging" in boxes:
        boxes["messaging"].y = boxes["resident"].bottom + 70
    return max(box.bottom for box in boxes.values()) + 60


def _box_svg(box: Box) -> str:
    fill, stroke = STYLES[box.kind]
    dash = ' stroke-dasharray="6 4"' if box.kind == "boundary" else ""
    parts = [f'<g id="box-{box.key}">',
             f'<rect x="{box.x}" y="{box.y:.0f}" width="{box.w}" height="{box.h:.0f}" rx="8" '
             f'fill="{fill}" stroke="{stroke}" stroke-width="2"{dash}/>']
    y = box.y + PAD + FONT_SIZE
    for text, bold in box.lines():
        weight = ' font-weight="700"' if bold else ""
        parts.append(f'<text x="{box.x + PAD}" y="{y:.0f}"{weight}>{escape(text)}</text>')
        y += LINE
    parts.append("</g>")
    return "\n".join(parts)


def _arrow(a: Box, b: Box, label: list[str]) -> str:
    """An arrow from ``a`` to ``b`` (the next column, or below in the same one), labelled."""
    if a.column == b.column:
        x1 = x2 = a.x + a.w / 2
        y1, y2 = a.bottom, b.y - 4
        lx, ly, anchor = x1 - 8, (y1 + y2) / 2 - (len(label) - 1) * LINE / 2 + 4, "end"
    else:
        top, bottom = max(a.y, b.y), min(a.bottom, b.bottom)
        if bottom - top > 20:
            y1 = y2 = (top + bottom) / 2
        else:  # the nearest points of the two edges, so diagonals stay short
            y1 = _clamp(b.y + b.h / 2, a.y + 15, a.bottom - 15)
            y2 = _clamp(a.y + a.h / 2, b.y + 15, b.bottom - 15)
        x1, x2 = a.x + a.w, b.x - 4
        lx, anchor = (x1 + x2) / 2, "middle"
        ly = (y1 + y2) / 2 - 8 - (len(label) - 1) * LINE
    parts = [f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="#333" '
             'stroke-width="2" marker-end="url(#arrow)"/>']
    if abs(y1 - y2) > 1 and x1 != x2:  # a diagonal runs through its label: back it in white
        width = max(len(text) for text in label) * 6.4 + 8
        parts.append(f'<rect x="{lx - width / 2:.0f}" y="{ly - 13:.0f}" width="{width:.0f}" '
                     f'height="{len(label) * LINE + 2}" fill="#ffffff"/>')
    for n, text in enumerate(label):
        parts.append(f'<text x="{lx:.0f}" y="{ly + n * LINE:.0f}" text-anchor="{anchor}" '
                     f'font-size="12" fill="#111">{escape(text)}</text>')
    return "\n".join(parts)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def render_flows_svg(facts: PrivacyFacts) -> str:
    """The diagram as a standalone SVG document (UTF-8, valid XML)."""
    boxes = _boxes(facts)
    height = _layout(boxes)
    arrows = [
        ("resident", "boundary", ["ruwe tekst"]),
        ("boundary", "vault", ["originele", "waarden"]),
        ("boundary", "tracker", ["tekst met", "plaatshouders"]),
        ("vault", "handoffs", ["alleen na 'ja':", "telefoon of e-mail"]),
        ("handoffs", "portal", ["naar het team"]),
        ("tracker", "trends", ["gebeurtenissen"]),
        ("tracker", "consents", ["ja of nee", "met de tekst"]),
        ("trends", "reports", ["tellingen"]),
    ]
    if "messaging" in boxes:
        arrows += [("resident", "messaging", ["bericht"]),
                   ("messaging", "boundary", ["via de", "aanbieder"])]
    title = f"Gegevensstromen van de Digitale Huiskamer ({facts.municipality})"
    desc = " ".join(f"{n}. {step}" for n, step in enumerate(flow_steps(facts), 1))
    footer = (f"Termijnen uit de configuratie van {facts.generated_on.isoformat()}, profiel "
              f"{facts.profile}. Groen: versleuteld. Gestreept: niets opgeslagen."
              + (" Rood: een andere partij." if "messaging" in boxes else ""))
    body = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" role="img" lang="nl" '
        f'aria-labelledby="dh-title dh-desc" font-family="{FONT}" font-size="{FONT_SIZE}" '
        'fill="#111">',
        f'<title id="dh-title">{escape(title)}</title>',
        f'<desc id="dh-desc">{escape(desc)}</desc>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#333"/></marker></defs>',
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>',
        f'<text x="20" y="36" font-size="20" font-weight="700">{escape(title)}</text>',
        *(_box_svg(box) for box in boxes.values()),
        *(_arrow(boxes[a], boxes[b], label) for a, b, label in arrows),
        f'<text x="20" y="{height - 24:.0f}" font-size="12">{escape(footer)}</text>',
        "</svg>",
    ]
    return "\n".join(body) + "\n"
