"""How residents exercise their rights, as the residents' privacy page promises it.

The register and the DPIA facts repeat the promise of ``/privacy`` (the answer period comes from
the same constant the page shows), so an officer reads what residents were told.
"""

from __future__ import annotations

from portal.widget.routes import RIGHTS_ANSWER_WEEKS
from runtime.privacy_docs.facts import PrivacyFacts


def rights_lines(facts: PrivacyFacts) -> list[str]:
    """The rights, how residents use them, and within which period, in Dutch."""
    phone = facts.municipality_phone
    return [
        "**verwijderen (art. 17)** — in hetzelfde gesprek: 'verwijder mijn gegevens' of de knop "
        "*Gesprek wissen*: gesprek, kluis, persoonlijke slots en een nog niet afgeronde "
        "hand-off worden direct gewist en dat wordt in het verwijderlog genoteerd (zonder de "
        "gegevens)",
        "**toestemming intrekken (art. 7 lid 3)** — in het gesprek: 'ik trek mijn toestemming "
        "in'; na het gesprek met de zaakcode die de inwoner krijgt als een doorverwijzing is "
        "bevestigd: 'ik wil mijn aanvraag intrekken' gevolgd door de code",
        "**inzage (art. 15)** — na het gesprek met de zaakcode: 'ik wil mijn gegevens inzien' "
        "gevolgd door de code; zonder zaakcode is een anoniem gesprek niet aan een persoon te "
        "koppelen (art. 11 AVG)",
        f"**via de gemeente** — bellen met {facts.municipality} ({phone}) voor elk verzoek, ook "
        "bezwaar (art. 21) en correctie (art. 16)",
        f"**termijn** — antwoord binnen {RIGHTS_ANSWER_WEEKS} weken (AVG art. 12 lid 3: uiterlijk "
        "één maand)",
        "**klacht** — bij de gemeente, en altijd bij de Autoriteit Persoonsgegevens",
        "inwoners lezen dit in B1-Nederlands op de privacypagina van de chat (`/privacy`)",
    ]
