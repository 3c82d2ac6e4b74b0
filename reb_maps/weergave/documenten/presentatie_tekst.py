"""Every word of the presentation, in one place: titles, short messages, speaker notes, report references.

The messages are our own short wording of REB Twente 2040 (never the report's sentences). Figures are never
typed here: `{placeholders}` are filled from the data tables (`reb_maps.data`) by
`reb_maps.weergave.documenten.presentatie`, formatted the Dutch way. At most three messages per step.
"""

from __future__ import annotations

INDICATIEF = "indicatief, geen beleid"
DECK_TITEL = "Werklocaties Twente — de REB Twente 2040 in tien stappen"

TEKSTEN: dict[str, dict] = {
    "cijfers": {
        "titel": "Twente in cijfers",
        "berichten": (
            "{inwoners} inwoners en {banen} banen in 2023.",
            "Het werk groeide sinds 2014 met {banen_groei}, de bevolking met {inwoners_groei}.",
            "{netto} netto bedrijventerrein, verdeeld over veertien gemeenten.",
        ),
        "notities": (
            "Twente telde in 2023 {inwoners} inwoners en {banen} banen (Tabel 1). Tussen 2014 en 2023 groeide "
            "het aantal banen met {banen_groei} en het aantal inwoners met {inwoners_groei}; Nederland als geheel: "
            "{nl_banen_groei} banen, {nl_inwoners_groei} inwoners. De grafiek zet Twente naast de Groene "
            "Metropoolregio, Regio Zwolle en de Stedendriehoek. Het netto areaal bedrijventerrein is {netto} "
            "(januari 2023, Tabel 8, IBIS): de veertien gemeenten tellen daar precies op tot dit totaal."
        ),
        "verwijzing": "REB Twente 2040, Tabel 1 en Tabel 8",
    },
    "profiel": {
        "titel": "Economisch profiel: drie lagen",
        "berichten": (
            "Kennisspeerpunten — chiptech, medtech, defensie, energietechnologie: {speerpunten} banen.",
            "De stuwende basis (industrie, bouw, logistiek, kennisdiensten) draagt {stuwend} banen.",
            "Het brede lokale MKB en de voorzieningen: {mkb} banen.",
        ),
        "notities": (
            "Figuur 4 van het rapport verdeelt de {totaal} Twentse banen over drie lagen: de kennisspeerpunten "
            "({speerpunten}), de stuwende basis ({stuwend}) en het brede lokale en regionale MKB ({mkb}, in het "
            "rapport een restpost: totaal min de andere twee lagen). De stuwende basis bestaat uit {stuwend_delen}. "
            "Hoeveel banen elk van de vier speerpunten telt, staat niet in de tekstversie van het rapport; de "
            "presentatie laat die verdeling daarom weg en vult niets in."
        ),
        "noot": "De verdeling over de vier speerpunten staat niet in de tekst van het rapport en is daarom niet "
        "getekend.",
        "verwijzing": "REB Twente 2040, §2.2, Figuur 4; Bijlage V",
    },
    "werklocaties": {
        "titel": "Werklocaties vandaag",
        "berichten": (
            "{netto} netto bedrijventerrein; de meeste hectares in {top3}.",
            "Campussen en innovatieomgevingen groeien, vooral rond Enschede en Hengelo.",
            "Alles hangt aan de corridors: A1, A35, de N-wegen, spoor en het Twentekanaal.",
        ),
        "notities": (
            "De kaart toont de bedrijventerreinen (grenzen bij benadering, TOP10NL), met de grootschalige terreinen "
            "van Tabel 3 benadrukt, de campussen en innovatieomgevingen, plannen naar status, de snelwegen en "
            "N-wegen (gestippeld = schematisch tracé), spoor, stations en vaarwegen. Het rapport noemt {n_locaties} "
            "werklocaties bij naam, waarvan {n_terreinen} bedrijventerreinen en {n_innovatie} campussen of "
            "innovatieomgevingen. Netto areaal Twente: {netto} (Tabel 8)."
        ),
        "verwijzing": "REB Twente 2040, §2.4–2.5, Tabel 3; kaartlagen zie bron",
    },
    "vraag_aanbod": {
        "titel": "Vraag en aanbod tot 2040 per gemeente",
        "berichten": (
            "{n_rood} gemeenten hebben minder hard aanbod dan hun laagste vraag tot 2040 (rood).",
            "{n_oranje} gemeenten zitten binnen de bandbreedte (oranje), {n_groen} erboven (groen).",
            "Losser en Tubbergen gaven geen aanbod op: dat is ‘geen opgave’, geen nul.",
        ),
        "notities": (
            "Tabel 10 zet per gemeente de indicatieve vraag tot 2040 naast het harde aanbod op 1 januari 2023. "
            "Rood: aanbod onder de ondergrens van de vraag ({rood}). Oranje: binnen de bandbreedte ({oranje}). "
            "Groen: op of boven de bovengrens ({groen}). Geen opgave: {geen}. Opgeteld vragen de veertien "
            "gemeenten {vraag_som}, tegen {aanbod_som} hard aanbod (eigen optelling; Tabel 10 heeft geen "
            "totaalregel). De regionale grootschalige vraag staat apart (volgende stap)."
        ),
        "verwijzing": "REB Twente 2040, Tabel 10",
    },
    "gemeente": {
        "titel": "{gemeente} in beeld",
        "berichten": (
            "{inwoners} inwoners en {banen} banen ({banen_groei} sinds 2014).",
            "{netto} netto bedrijventerrein; vraag tot 2040: {vraag}.",
            "{lezing}",
        ),
        "notities": (
            "{gemeente}: {inwoners} inwoners ({inwoners_groei} sinds 2014), {banen} banen ({banen_groei}), netto "
            "areaal {netto}, indicatieve vraag tot 2040 {vraag}, hard aanbod per 1-1-2023 {aanbod} — stoplicht "
            "{licht}. Profiel in eigen woorden: {profiel} ({profiel_verwijzing})"
        ),
        "verwijzing": "REB Twente 2040, Tabel 2, 8 en 10; Bijlage IV",
    },
    "grootschalig": {
        "titel": "Grootschalige vraag: te weinig grote kavels",
        "berichten": (
            "Tot 2040 vraagt grootschalige bedrijvigheid {vraag} in de regio.",
            "Hard aanbod begin 2023: {aanbod} — zelfs niet de ondergrens.",
            "Buiten XL Businesspark 2 is er voor kavels boven 3 ha nog geen plek.",
        ),
        "notities": (
            "Tabel 10 bevat één regionale regel voor grootschalige bedrijven: vraag {vraag}, hard aanbod {aanbod} "
            "op 1-1-2023. Het tekort is dus {tekort_min} tot {tekort_max} (eigen rekensom, geen rapportcijfer). "
            "De regel staat in de tabel onder Almelo, maar gaat over heel Twente. Het rapport noemt XL "
            "Businesspark 1 vrijwel vol en XL Businesspark 2 als enige concrete plek voor vestigers boven 3 ha "
            "(§3.3, §3.4)."
        ),
        "verwijzing": "REB Twente 2040, Tabel 10 (regionale regel); §3.3",
    },
    "schaalsprong": {
        "titel": "De schaalsprong: ruimte voor extra banen",
        "berichten": (
            "Ambitie: {banen_extra} banen bovenop de autonome groei, {banen_terrein} daarvan op "
            "bedrijventerreinen.",
            "Dat vraagt circa {totaal}; herontwikkeling en intensivering vangen {intensivering} op.",
            "Blijft over: {extra} extra bedrijventerrein — zeer indicatief.",
        ),
        "notities": (
            "Bijlage III rekent in vier stappen: {banen_extra} extra banen, waarvan {aandeel_terrein} op "
            "bedrijventerreinen ({banen_terrein}); met terreinquotiënten per sector geeft dat ongeveer {totaal}; "
            "{aandeel_intensivering} daarvan ({intensivering}) via herontwikkeling en intensivering; er blijft "
            "zeer indicatief {extra} extra bedrijventerrein nodig. Dit zijn de getallen zoals het rapport ze "
            "drukt. Exact uit dezelfde aannames volgt {totaal_exact}, {intensivering_exact} en {extra_exact}: "
            "het rapport kapt het totaal af en rekent 369 − 74 = 295. De pagina Schaalsprong laat elke aanname "
            "instellen."
        ),
        "noot": "Getallen zoals het rapport ze drukt. Exact uit dezelfde aannames: {totaal_exact}, "
        "{intensivering_exact} en {extra_exact}.",
        "verwijzing": "REB Twente 2040, Bijlage III; §3.3",
    },
    "strategieen": {
        "titel": "Vier strategieën",
        "berichten": (
            "Eerst het bestaande beter benutten: herontwikkelen waar bedrijven zelf willen investeren.",
            "Daarnaast nieuwe ruimte: regionale MKB-terreinen en één grootschalige locatie aan de corridors.",
            "En werken terug de stad in, waar het samengaat met wonen.",
        ),
        "notities": (
            "Hoofdstuk 4 beschrijft vier strategieën. §4.1 {s1}: {t1} §4.2 {s2}: {t2} §4.3 {s3}: {t3} §4.4 {s4}: {t4} "
            "(samengevat in eigen woorden)."
        ),
        "verwijzing": "REB Twente 2040, Hoofdstuk 4 (§4.1–4.4)",
    },
    "zoekgebieden": {
        "titel": "Zoekgebieden voor een grootschalig terrein",
        "berichten": (
            "Onze analyse vindt {n} kandidaat-gebieden van samen {ha}.",
            "Hoogste score: {beste} ({beste_ha}, {beste_gemeenten}).",
            "Indicatief, geen beleid: het rapport noemt principes, geen locaties.",
        ),
        "notities": (
            "Eigen multicriteria-analyse van het dashboard (pagina Zoekgebieden), standaardprofiel ‘grootschalig’: "
            "harde uitsluitingen (natuur, bebouwing, bestaande terreinen) en gewogen afstanden tot afritten, "
            "N-wegen, spoor, vaarwegen en hoogspanning. Kandidaten: {lijst}. Dit is {indicatief}: het rapport "
            "(§4.3, §5.2 aanbeveling 3) vraagt om eerst draagvlak te verkennen en daarna samen locaties te zoeken; "
            "het wijst zelf geen plek aan."
        ),
        "verwijzing": "Eigen analyse (pagina Zoekgebieden) op principes uit REB Twente 2040, §4.3",
    },
    "aanbevelingen": {
        "titel": "Vijf aanbevelingen",
        "berichten": (
            "Reken de schaalsprong door en programmeer terreinen, kantoren en gemengde milieus samen.",
            "Bundel de uitvoeringskracht van gemeenten en provincie.",
            "Kies waar eerst geherontwikkeld wordt, en verken nieuwe regionale terreinen.",
        ),
        "notities": "Hoofdstuk 5 sluit af met vijf aanbevelingen (samengevat in eigen woorden): {lijst}",
        "verwijzing": "REB Twente 2040, Hoofdstuk 5 (§5.2)",
    },
    "bronnen": {
        "titel": "Bronnen",
        "berichten": (
            "Alle cijfers komen uit de REB Twente 2040 (BCI, 2025).",
            "Wat het rapport niet geeft, vullen we niet in: ‘geen opgave’ blijft zo staan.",
            "Zoekgebieden en afgeleide sommen zijn eigen berekeningen, als zodanig gemarkeerd.",
        ),
        "notities": (
            "Bronnen per onderdeel: {lijst}. Kaartlagen: {kaart}. Het dashboard en deze presentatie zijn gemaakt "
            "met het Werklocaties-dashboard Twente, versie {versie}."
        ),
        "verwijzing": "REB Twente 2040 (BCI, 2025); collegevoorstel Almelo, 15 oktober 2025",
    },
}
