"""What the REB asks of the region, in our own short words, with the report's chapter references.

Summaries of REB Twente 2040 §5.2 (the five recommendations) and Hoofdstuk 4 (the four strategies); they
paraphrase, they do not quote, and add no figures the report does not give.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Punt:
    titel: str
    tekst: str
    verwijzing: str
    trekker: str = ""


AANBEVELINGEN = (
    Punt(
        "Raam op een nieuwe manier",
        "Werk naast de beleidsneutrale ramingen ook het schaalsprongscenario uit, laat zien uit welke delen van "
        "de stuwende basis de vraag naar grote kavels komt en raam bedrijventerreinen, kantoren en gemengde "
        "milieus in één keer.",
        "REB Twente 2040, §5.2, aanbeveling 1",
        "gemeenten en provincie",
    ),
    Punt(
        "Organiseer uitvoeringskracht",
        "Verbreed het overleg over de programmeringsafspraken naar herontwikkeling, functiemenging en "
        "terreinprofielen, en laat gemeenten per thema samenwerken.",
        "REB Twente 2040, §5.2, aanbeveling 2",
        "gemeenten en provincie",
    ),
    Punt(
        "Onderzoek nieuwe regionale terreinen",
        "Verken of er draagvlak is voor één groot terrein met grote kavels aan de vervoerscorridors en voor "
        "enkele kleinere regionale terreinen voor het MKB, en zoek daarna samen naar locaties.",
        "REB Twente 2040, §5.2, aanbeveling 3",
        "gemeenten en provincie",
    ),
    Punt(
        "Kies prioriteiten bij herontwikkeling",
        "Stel als ambitie dat herontwikkeling en intensivering een vast deel van de extra ruimtevraag opvangen; "
        "het rapport stelt 20% voor.",
        "REB Twente 2040, §5.2, aanbeveling 4",
        "ambtelijk overleg programmering met de HMO",
    ),
    Punt(
        "Verken functiemenging in de stad",
        "Programmeer werken in gemengde gebiedsontwikkelingen zoals wonen: voor welke bedrijven, tegen welke "
        "huur en in welke gebouwen.",
        "REB Twente 2040, §5.2, aanbeveling 5",
        "ambtelijk overleg programmering met ontwikkelaars",
    ),
)

STRATEGIEEN = (
    Punt(
        "Bestaande werklocaties beter benutten",
        "Vrijwel elk terrein heeft verouderde delen; kies kansenzones waar bedrijven zelf willen investeren.",
        "REB Twente 2040, §4.1",
    ),
    Punt(
        "Ruimte voor het lokale MKB",
        "Blijf lokale en regionale terreinen ontwikkelen, afgestemd met buurgemeenten; mogelijk drie regionale "
        "terreinen van 20 tot 50 ha bruto.",
        "REB Twente 2040, §4.2",
    ),
    Punt(
        "Zoeklocaties voor grootschalige vestiging",
        "Zoek regionaal naar terreinen voor kavels van 3 ha of meer, goed ontsloten via A1, A35 en N-wegen.",
        "REB Twente 2040, §4.3",
    ),
    Punt(
        "Functiemenging in steden en kernen",
        "Meng wonen en werken waar het kan, met oog voor bedrijven die niet weg kunnen of willen.",
        "REB Twente 2040, §4.4",
    ),
)
