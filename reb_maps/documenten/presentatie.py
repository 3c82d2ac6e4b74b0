"""The REB storyline as data — ten steps (eleven with a municipality) — and the 16:9 PowerPoint deck.

`stappen(gemeente)` gives the steps: title, up to three short messages, a source line, speaker notes with the
exact figures, and a builder of the visual (PNG bytes from `reb_maps.druk`). The page `Presentatie` and the
deck read the same steps, so the screen and the .pptx tell the same story with the same pictures. Words live in
`presentatie_tekst.TEKSTEN`; every figure is read from the data tables here. No streamlit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reb_maps import __version__ as APP_VERSIE
from reb_maps import fmt, labels, lagen, paneel
from reb_maps.data import bron_tekst, bronnen_regel, load_table, source_of
from reb_maps.documenten.opgave import AANBEVELINGEN, STRATEGIEEN
from reb_maps.documenten.presentatie_tekst import DECK_TITEL, INDICATIEF, TEKSTEN
from reb_maps.druk import dia
from reb_maps.indicatoren import tekort
from reb_maps.kerncijfers import kerncijfers, licht
from reb_maps.schaalsprong import bereken, default_aannames

GEMEENTE_NA = "vraag_aanbod"  # the optional municipality slide follows this step
VOLGORDE = ("cijfers", "profiel", "werklocaties", "vraag_aanbod", "grootschalig", "schaalsprong", "strategieen",
            "zoekgebieden", "aanbevelingen", "bronnen")  # fmt: skip
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
# Steps whose picture is the print map (reb_maps.druk.kaart): a session's own roads and rail change them.
KAART_STAPPEN = frozenset({"werklocaties", "vraag_aanbod", "zoekgebieden", "gemeente"})


@dataclass(frozen=True)
class Stap:
    sleutel: str
    titel: str
    berichten: tuple[str, ...]
    bron: str
    notities: str
    beeld: Callable[[], bytes]  # PNG bytes, high resolution
    beeld_tekst: str  # what the picture shows, for alt text and screen readers


class OnbekendeGemeente(KeyError):
    pass


# ---------- figures, read from the tables ----------


def _twente():
    regio = load_table("regio").set_index("regio")
    return regio.loc["Twente"], regio.loc["Nederland"]


def _cijfers() -> dict[str, str]:
    twente, nl = _twente()
    gemeenten = load_table("gemeenten")
    top = gemeenten.sort_values("netto_areaal_ha", ascending=False)["gemeente"].head(3).tolist()
    return {
        "inwoners": fmt.getal(twente["inwoners_2023"]), "banen": fmt.getal(twente["banen_2023"]),
        "inwoners_groei": fmt.groei(twente["inwoners_groei_2014_2023_pct"]),
        "banen_groei": fmt.groei(twente["banen_groei_2014_2023_pct"]),
        "nl_inwoners_groei": fmt.groei(nl["inwoners_groei_2014_2023_pct"]),
        "nl_banen_groei": fmt.groei(nl["banen_groei_2014_2023_pct"]),
        "netto": fmt.met_eenheid(gemeenten["netto_areaal_ha"].sum(), "ha"),
        "top3": f"{', '.join(top[:-1])} en {top[-1]}",
    }  # fmt: skip


def _profiel() -> dict[str, str]:
    p = load_table("profiel").set_index("id")

    def tekst(sleutel: str) -> str:
        kwal = p.loc[sleutel, "kwalificatie"]
        return f"{'' if fmt.is_missing(kwal) else kwal + ' '}{fmt.getal(p.loc[sleutel, 'banen'])}"

    delen = p[(p["ouder"] == "stuwende_basis") & (p["indeling"] == "driedeling")]
    return {
        "speerpunten": tekst("kennisspeerpunten"), "stuwend": tekst("stuwende_basis"), "mkb": tekst("breed_mkb"),
        "totaal": fmt.getal(p.loc["twente", "banen"]),
        "stuwend_delen": "; ".join(f"{n.lower()} {fmt.getal(b)}" for n, b in zip(delen["naam"], delen["banen"],
                                                                                  strict=True)),
    }  # fmt: skip


def _lichten() -> dict[str, list[str]]:
    gemeenten = load_table("gemeenten")
    groepen: dict[str, list[str]] = {k: [] for k in labels.STOPLICHTEN}
    for _, r in gemeenten.iterrows():
        groepen[licht(r["hard_aanbod_ha"], r["vraag_min_ha"], r["vraag_max_ha"])].append(r["gemeente"])
    return groepen


def _schaalsprong() -> dict[str, str]:
    rapport = load_table("schaalsprong_uitkomsten_rapport").set_index("sleutel")["waarde"]
    a = default_aannames()
    exact = bereken(a)
    return {
        "banen_extra": fmt.getal(rapport["banen_extra"]), "banen_terrein": fmt.getal(rapport["banen_bedrijventerrein"]),
        "totaal": fmt.met_eenheid(rapport["ha_totaal"], "ha"),
        "intensivering": fmt.met_eenheid(rapport["ha_intensivering"], "ha"),
        "extra": fmt.met_eenheid(rapport["ha_extra"], "ha"),
        "totaal_exact": fmt.met_eenheid(exact.ha_totaal, "ha", 2),
        "intensivering_exact": fmt.met_eenheid(exact.ha_intensivering, "ha", 2),
        "extra_exact": fmt.met_eenheid(exact.ha_extra, "ha", 2),
        "aandeel_terrein": fmt.fractie(a.aandeel_bedrijventerrein),
        "aandeel_intensivering": fmt.fractie(a.intensivering),
    }  # fmt: skip


@functools.cache
def zoekgebieden_resultaat():
    """The default large-scale search (about 5 s): computed once per process, shared by page and deck."""
    from reb_maps.zoekgebieden import bereken as zoek
    from reb_maps.zoekgebieden import standaard_parameters

    return zoek(standaard_parameters("grootschalig"))


# ---------- the steps ----------


def _stap(sleutel: str, waarden: dict, beeld: Callable[[], bytes], beeld_tekst: str, bron: str) -> Stap:
    t = TEKSTEN[sleutel]
    return Stap(
        sleutel=sleutel,
        titel=t["titel"].format(**waarden),
        berichten=tuple(b.format(**waarden) for b in t["berichten"])[:3],
        bron=bron,
        notities=f"{t['notities'].format(**waarden)}\n\nBron: {t['verwijzing']}.",
        beeld=beeld,
        beeld_tekst=beeld_tekst,
    )


def _stap_cijfers() -> Stap:
    regio = load_table("regio")
    regio = regio[regio["banen_groei_2014_2023_pct"].notna()]
    beeld = functools.partial(dia.groei_regios, regio["regio"].tolist(),
                              regio["inwoners_groei_2014_2023_pct"].astype(float).tolist(),
                              regio["banen_groei_2014_2023_pct"].astype(float).tolist(), "Twente")  # fmt: skip
    bron = bronnen_regel(source_of("regio"), f"netto areaal: {bron_tekst('gemeenten', 'netto_areaal_ha')}")
    return _stap("cijfers", _cijfers(), beeld, "Staafdiagram: groei van banen en inwoners 2014–2023 per regio", bron)


def _stap_profiel() -> Stap:
    w = _profiel()
    p = load_table("profiel").set_index("id")
    lagen_ = [(p.loc[i, "naam"], float(p.loc[i, "banen"]), t)
              for i, t in (("kennisspeerpunten", w["speerpunten"]), ("stuwende_basis", w["stuwend"]),
                           ("breed_mkb", w["mkb"]))]  # fmt: skip
    delen = p[(p["ouder"] == "stuwende_basis") & (p["indeling"] == "driedeling")]
    onderdelen = [(n, float(b)) for n, b in zip(delen["naam"], delen["banen"], strict=True)]
    beeld = functools.partial(dia.driedeling, lagen_, onderdelen, TEKSTEN["profiel"]["noot"])
    return _stap("profiel", w, beeld, "Staafdiagram: banen per laag van de economie (Figuur 4)", source_of("profiel"))


def _stap_werklocaties() -> Stap:
    locaties = load_table("locaties")
    w = _cijfers() | {
        "n_locaties": str(len(locaties)),
        "n_terreinen": str(int((locaties["type"] == "bedrijventerrein").sum())),
        "n_innovatie": str(int(locaties["type"].isin(["campus", "innovatieomgeving"]).sum())),
    }
    bron = f"{lagen.attributie()} · werklocaties: {bron_tekst('locaties')}"
    return _stap("werklocaties", w, dia.kaart, "Kaart van Twente: bedrijventerreinen, campussen, corridors", bron)


def _stap_vraag_aanbod() -> Stap:
    gemeenten = load_table("gemeenten")
    g = _lichten()
    w = {f"n_{k}": str(len(v)) for k, v in g.items() if k != "geen opgave"}
    w |= {k: ", ".join(v) or "geen" for k, v in g.items() if k != "geen opgave"}
    w["geen"] = ", ".join(g["geen opgave"]) or "geen"
    w["vraag_som"] = fmt.bandbreedte(gemeenten["vraag_min_ha"].sum(), gemeenten["vraag_max_ha"].sum())
    w["aanbod_som"] = fmt.met_eenheid(gemeenten["hard_aanbod_ha"].sum(), "ha")

    def beeld() -> bytes:
        return dia.naast_elkaar(dia.stoplicht_kaart(), dia.vraag_aanbod(load_table("gemeenten")))

    return _stap("vraag_aanbod", w, beeld, "Kaart en grafiek: stoplicht van hard aanbod tegen vraag per gemeente",
                 source_of("gemeenten", "hard_aanbod_ha"))  # fmt: skip


def _stap_gemeente(gemeente: str) -> Stap:
    k = {c.sleutel: c for c in kerncijfers(gemeente)}
    r = load_table("gemeenten").set_index("gemeente").loc[gemeente]
    prof = paneel.profiel(gemeente) or {}
    w = {
        "gemeente": gemeente, "inwoners": k["inwoners"].waarde, "banen": k["banen"].waarde,
        "inwoners_groei": fmt.groei(r["inwoners_groei_2014_2023_pct"]),
        "banen_groei": fmt.groei(r["banen_groei_2014_2023_pct"]), "netto": k["netto"].waarde,
        "vraag": k["vraag"].waarde, "aanbod": k["aanbod"].waarde, "licht": k["aanbod"].stoplicht.kort.lower(),
        "lezing": k["aanbod"].lezing, "profiel": prof.get("profiel", "niet beschikbaar"),
        "profiel_verwijzing": prof.get("verwijzing", "Bijlage IV"),
    }  # fmt: skip
    bron = bronnen_regel(source_of("gemeenten", "banen_2023"), bron_tekst("gemeenten", "hard_aanbod_ha"))
    return _stap("gemeente", w, functools.partial(dia.kaart, gemeente), f"Kaart van {gemeente} met werklocaties",
                 bron)  # fmt: skip


def _stap_grootschalig() -> Stap:
    r = load_table("grootschalige_vraag").iloc[0]
    w = {
        "vraag": fmt.bandbreedte(r["vraag_min_ha"], r["vraag_max_ha"]),
        "aanbod": fmt.met_eenheid(r["hard_aanbod_ha"], "ha"),
        "tekort_min": fmt.met_eenheid(tekort(r["hard_aanbod_ha"], r["vraag_min_ha"]), "ha"),
        "tekort_max": fmt.met_eenheid(tekort(r["hard_aanbod_ha"], r["vraag_max_ha"]), "ha"),
    }  # fmt: skip
    beeld = functools.partial(dia.vraag_tegen_aanbod, float(r["vraag_min_ha"]), float(r["vraag_max_ha"]),
                              float(r["hard_aanbod_ha"]), w["vraag"], w["aanbod"])  # fmt: skip
    return _stap("grootschalig", w, beeld, "Staafdiagram: grootschalige vraag tegen hard aanbod",
                 source_of("grootschalige_vraag"))  # fmt: skip


def _stap_schaalsprong() -> Stap:
    w = _schaalsprong()
    rapport = load_table("schaalsprong_uitkomsten_rapport").set_index("sleutel")["waarde"]
    stappen = [
        ("Ruimtevraag schaalsprong", float(rapport["ha_totaal"]), w["totaal"]),
        ("Herontwikkeling en intensivering", float(rapport["ha_intensivering"]), f"−{w['intensivering']}"),
        ("Extra bedrijventerrein", float(rapport["ha_extra"]), w["extra"]),
    ]
    beeld = functools.partial(dia.waterval, stappen, TEKSTEN["schaalsprong"]["noot"].format(**w))
    return _stap("schaalsprong", w, beeld, "Watervaldiagram: ruimtevraag, intensivering en extra hectares",
                 source_of("schaalsprong_uitkomsten_rapport"))  # fmt: skip


def _stap_strategieen() -> Stap:
    w = {}
    for n, p in enumerate(STRATEGIEEN, start=1):
        w[f"s{n}"], w[f"t{n}"] = p.titel, p.tekst
    items = [(p.titel, p.tekst, p.verwijzing.removeprefix("REB Twente 2040, ")) for p in STRATEGIEEN]
    return _stap("strategieen", w, functools.partial(dia.kaarten, items), "Vier kaarten met de strategieën",
                 "Bron: REB Twente 2040, Hoofdstuk 4 (§4.1–4.4), in eigen woorden")  # fmt: skip


def _stap_zoekgebieden() -> Stap:
    kandidaten = zoekgebieden_resultaat().kandidaten
    if len(kandidaten):
        beste = kandidaten.iloc[0]
        w = {
            "n": str(len(kandidaten)), "ha": fmt.met_eenheid(kandidaten["oppervlakte_ha"].sum(), "ha", 0),
            "beste": str(beste["id"]), "beste_ha": fmt.met_eenheid(beste["oppervlakte_ha"], "ha", 0),
            "beste_gemeenten": str(beste["gemeenten"]),
        }  # fmt: skip
    else:
        w = {"n": "geen", "ha": "0 ha", "beste": "–", "beste_ha": "–", "beste_gemeenten": "–"}
    w["lijst"] = "; ".join(
        f"{r['id']} {fmt.met_eenheid(r['oppervlakte_ha'], 'ha', 0)} in {r['gemeenten']} (score "
        f"{fmt.getal(r['score'], 2)})"
        for _, r in kandidaten.iterrows()
    ) or "geen"
    w["indicatief"] = INDICATIEF

    def beeld() -> bytes:
        return dia.zoekgebieden_kaart(zoekgebieden_resultaat().kandidaten, f"Kandidaat-zoekgebied ({INDICATIEF})")

    return _stap("zoekgebieden", w, beeld, f"Kaart van Twente met kandidaat-zoekgebieden ({INDICATIEF})",
                 f"Eigen multicriteria-analyse, profiel grootschalig — {INDICATIEF.upper()}; "
                 f"{lagen.attributie().removeprefix('Kaartlagen: ')}")  # fmt: skip


def _stap_aanbevelingen() -> Stap:
    lijst = " ".join(f"{n}. {p.titel}: {p.tekst}" for n, p in enumerate(AANBEVELINGEN, start=1))
    items = [(p.titel, p.tekst, f"trekker: {p.trekker}") for p in AANBEVELINGEN]
    return _stap("aanbevelingen", {"lijst": lijst}, functools.partial(dia.kaarten, items, 2, True),
                 "Vijf genummerde kaarten met de aanbevelingen",
                 "Bron: REB Twente 2040, Hoofdstuk 5 (§5.2), in eigen woorden")  # fmt: skip


BRON_TABELLEN = (
    ("Inwoners en banen, regio's", "regio"),
    ("Gemeenten: banen, areaal, vraag en aanbod", "gemeenten"),
    ("Economisch profiel", "profiel"),
    ("Grootschalige vraag", "grootschalige_vraag"),
    ("Schaalsprong", "schaalsprong_uitkomsten_rapport"),
)


def _stap_bronnen() -> Stap:
    items = [(titel, source_of(tabel).removeprefix("Bron: "), "") for titel, tabel in BRON_TABELLEN]
    items.append(("Kaart", lagen.attributie().removeprefix("Kaartlagen: "), ""))
    w = {"lijst": "; ".join(f"{t}: {b}" for t, b, _ in items[:-1]), "kaart": items[-1][1], "versie": APP_VERSIE}
    return _stap("bronnen", w, functools.partial(dia.kaarten, items, 2), "Kaarten met de bron per onderdeel",
                 f"Bron: {labels.REB}; collegevoorstel Almelo (15 oktober 2025)")  # fmt: skip


BOUWERS = {
    "cijfers": _stap_cijfers, "profiel": _stap_profiel, "werklocaties": _stap_werklocaties,
    "vraag_aanbod": _stap_vraag_aanbod, "grootschalig": _stap_grootschalig, "schaalsprong": _stap_schaalsprong,
    "strategieen": _stap_strategieen, "zoekgebieden": _stap_zoekgebieden, "aanbevelingen": _stap_aanbevelingen,
    "bronnen": _stap_bronnen,
}  # fmt: skip


def gemeente_uit_tekst(tekst: str) -> str:
    """'almelo' → 'Almelo'; unknown names raise OnbekendeGemeente."""
    for naam in load_table("gemeenten")["gemeente"]:
        if naam.lower() == tekst.strip().lower():
            return naam
    raise OnbekendeGemeente(tekst)


def stappen(gemeente: str | None = None) -> list[Stap]:
    """The storyline: ten steps, or eleven with the municipality's slide after the demand-and-supply step."""
    uit = []
    for sleutel in VOLGORDE:
        uit.append(BOUWERS[sleutel]())
        if sleutel == GEMEENTE_NA and gemeente:
            uit.append(_stap_gemeente(gemeente_uit_tekst(gemeente)))
    return uit


# ---------- the deck ----------


def deck(gemeente: str | None = None, beelden: dict[str, bytes] | None = None) -> bytes:
    """The storyline as a 16:9 .pptx: per slide the title, the picture, the messages, the source, the notes.

    `beelden`: PNGs already made (by step key), e.g. the page's cached ones; the rest is drawn here.
    """
    from reb_maps.documenten import pptx_dia

    lijst = stappen(gemeente)
    klaar = beelden or {}
    return pptx_dia.bouw(DECK_TITEL, lijst, [klaar.get(s.sleutel) or s.beeld() for s in lijst])


def bestandsnaam(gemeente: str | None) -> str:
    return f"reb-twente-presentatie{'-' + gemeente.lower().replace(' ', '-') if gemeente else ''}.pptx"


# ---------- command line: python -m reb_maps.presentatie ----------


def _parser():
    from reb_maps.cli import DutchParser

    parser = DutchParser(prog="python -m reb_maps.presentatie",
                         description="Maak de REB-presentatie (PowerPoint, 16:9) in tien stappen.")  # fmt: skip
    parser.add_argument("--uit", required=True, help="het .pptx-bestand dat gemaakt wordt")
    parser.add_argument("--gemeente", help="voeg na stap 4 een dia over deze gemeente toe, bijv. Almelo")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    gemeente = None
    if args.gemeente is not None:
        try:
            gemeente = gemeente_uit_tekst(args.gemeente)
        except OnbekendeGemeente:
            namen = ", ".join(load_table("gemeenten")["gemeente"])
            parser.error(f"onbekende gemeente '{args.gemeente}'; kies uit {namen}")
    pad = Path(args.uit)
    if pad.is_dir() or not pad.parent.is_dir():
        parser.error(f"kan niet schrijven naar '{args.uit}'")
    inhoud = deck(gemeente)
    try:
        pad.write_bytes(inhoud)
    except OSError:
        parser.error(f"kan niet schrijven naar '{args.uit}'")
    print(pad)
    return 0

