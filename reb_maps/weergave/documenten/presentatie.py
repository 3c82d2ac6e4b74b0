"""The REB storyline as data — ten steps (eleven with a municipality) — and the 16:9 PowerPoint deck.

`stappen(gemeente)` gives the steps: title, up to three short messages, a source line, speaker notes with the
exact figures, and either visuals (`Beeld`: a PNG builder from `weergave.druk`; a chart also as data, `Grafiek`,
which the deck draws as a native chart) or text cards (`Kaartje`). The page `Presentatie` (HTML, dia_html) and
the deck (pptx_dia) read the same steps, so screen and .pptx tell the same story with the same numbers. Words
live in `presentatie_tekst.TEKSTEN`; every figure is read from the data tables here. No streamlit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reb_maps import __version__ as APP_VERSIE
from reb_maps import fmt, labels, lagen, paneel
from reb_maps.data import bron_tekst, bronnen_regel, load_table, source_of
from reb_maps.eigen_data.netwerk import EigenNetwerk
from reb_maps.indicatoren import tekort
from reb_maps.kerncijfers import kerncijfers, licht
from reb_maps.schaalsprong import bereken, default_aannames
from reb_maps.weergave.documenten.opgave import AANBEVELINGEN, STRATEGIEEN
from reb_maps.weergave.documenten.presentatie_tekst import DECK_TITEL, INDICATIEF, TEKSTEN
from reb_maps.weergave.druk import dia

GEMEENTE_NA = "vraag_aanbod"  # the optional municipality slide follows this step
VOLGORDE = ("cijfers", "profiel", "werklocaties", "vraag_aanbod", "grootschalig", "schaalsprong", "strategieen",
            "zoekgebieden", "aanbevelingen", "bronnen")  # fmt: skip
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@dataclass(frozen=True)
class Reeks:
    """One series of a native chart: a value per category (None = no value, left empty, never 0)."""

    naam: str
    waarden: tuple[float | None, ...]
    kleur: str | None  # "#rrggbb"; None = not drawn (the invisible base of a waterfall)
    punt_kleuren: tuple[str, ...] = ()  # per category, overriding `kleur` (e.g. the traffic light)
    labels: bool = True  # print each value at its bar
    label_teksten: tuple[str, ...] = ()  # per category, a label other than the value ("" keeps the value)


@dataclass(frozen=True)
class Grafiek:
    """A bar chart as data, so the deck draws it as a native, editable PowerPoint chart."""

    titel: str
    soort: str  # "liggend" (horizontal bars) or "staand_gestapeld" (stacked columns: a waterfall)
    categorieen: tuple[str, ...]
    reeksen: tuple[Reeks, ...]
    getal_formaat: str  # an Office number format; a Dutch office shows 1.234,5 (the file stores the code)
    legenda: bool = True
    opmaak: Callable[[float], str] = fmt.getal  # a value as text, for the description read aloud

    def samenvatting(self) -> str:
        """Every number of the chart in words, so a screen reader gets what the picture shows."""
        delen, getekend = [], [r for r in self.reeksen if r.kleur is not None]
        for i, categorie in enumerate(self.categorieen):
            waarden = [f"{r.naam.split(' (')[0].lower()} {self.opmaak(r.waarden[i])}" if len(getekend) > 1 else
                       self.opmaak(r.waarden[i]) for r in getekend if r.waarden[i] is not None]  # fmt: skip
            delen.append(f"{categorie}: {', '.join(waarden) or 'geen cijfer'}")
        return f"{self.titel}. {'; '.join(delen)}."


@dataclass(frozen=True)
class Beeld:
    """One visual of a step: a PNG for the screen; a map goes into the deck as that picture, a chart natively."""

    maak: Callable[..., bytes]  # PNG bytes, high resolution; a map's (grafiek None) takes netwerk= (own roads, rail)
    tekst: str  # what it shows, for alt text and screen readers
    grafiek: Grafiek | None = None

    @property
    def beschrijving(self) -> str:
        """The alt text: what it shows, and for a chart every number in it."""
        return self.tekst if self.grafiek is None else f"{self.tekst}. {self.grafiek.samenvatting()}"


@dataclass(frozen=True)
class Kaartje:
    """A text card (a strategy, a recommendation, a source): HTML on the screen, a shape with text in the deck."""

    titel: str
    tekst: str
    verwijzing: str


@dataclass(frozen=True)
class Stap:
    sleutel: str
    titel: str
    berichten: tuple[str, ...]
    bron: str
    notities: str
    beelden: tuple[Beeld, ...] = ()
    kaartjes: tuple[Kaartje, ...] = ()
    genummerd: bool = False  # number the cards (the recommendations)

    @property
    def breed(self) -> bool:
        """Two visuals side by side need the full width: the messages then go below them."""
        return len(self.beelden) > 1


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


def _stap(sleutel: str, waarden: dict, bron: str, beelden: tuple[Beeld, ...] = (),
          kaartjes: tuple[Kaartje, ...] = (), genummerd: bool = False) -> Stap:  # fmt: skip
    t = TEKSTEN[sleutel]
    return Stap(
        sleutel=sleutel,
        titel=t["titel"].format(**waarden),
        berichten=tuple(b.format(**waarden) for b in t["berichten"])[:3],
        bron=bron,
        notities=f"{t['notities'].format(**waarden)}\n\nBron: {t['verwijzing']}.",
        beelden=beelden,
        kaartjes=kaartjes,
        genummerd=genummerd,
    )


HA = '#,##0" ha"'


def _ha(waarde: float) -> str:
    return fmt.met_eenheid(waarde, "ha")
GROEI = '+General"%";-General"%";0"%"'  # as the report prints it (and fmt.groei): +17%, +0,2%


def _stap_cijfers() -> Stap:
    regio = load_table("regio")
    regio = regio[regio["banen_groei_2014_2023_pct"].notna()]
    namen = regio["regio"].tolist()
    inwoners = regio["inwoners_groei_2014_2023_pct"].astype(float).tolist()
    banen = regio["banen_groei_2014_2023_pct"].astype(float).tolist()
    grafiek = Grafiek("Groei 2014–2023", "liggend", tuple(namen), (
        Reeks("Banen", tuple(banen), labels.KLEUR_BALK), Reeks("Inwoners", tuple(inwoners), labels.KLEUR_BALK_LICHT),
    ), GROEI, opmaak=fmt.groei)  # fmt: skip
    beeld = Beeld(functools.partial(dia.groei_regios, namen, inwoners, banen, "Twente"),
                  "Staafdiagram: groei van banen en inwoners 2014–2023 per regio", grafiek)  # fmt: skip
    bron = bronnen_regel(source_of("regio"), f"netto areaal: {bron_tekst('gemeenten', 'netto_areaal_ha')}")
    return _stap("cijfers", _cijfers(), bron, (beeld,))


def _klein(naam: str) -> str:
    """'Techindustrie' → 'techindustrie' after 'waarvan'; 'IT, R&D …' and other abbreviations stay as they are."""
    return naam[0].lower() + naam[1:] if len(naam) > 1 and naam[1].islower() else naam


def _stap_profiel() -> Stap:
    w = _profiel()
    p = load_table("profiel").set_index("id")
    lagen_ = [(p.loc[i, "naam"], float(p.loc[i, "banen"]), t)
              for i, t in (("kennisspeerpunten", w["speerpunten"]), ("stuwende_basis", w["stuwend"]),
                           ("breed_mkb", w["mkb"]))]  # fmt: skip
    delen = p[(p["ouder"] == "stuwende_basis") & (p["indeling"] == "driedeling")]
    onderdelen = [(n, float(b)) for n, b in zip(delen["naam"], delen["banen"], strict=True)]
    # One bar per layer, the stuwende basis followed by its parts (lighter): every bar has room for its number.
    namen = [lagen_[0][0], lagen_[1][0], *(f"waarvan {_klein(n.split(' (')[0])}" for n, _ in onderdelen),
             lagen_[2][0]]  # fmt: skip
    waarden = [lagen_[0][1], lagen_[1][1], *(b for _, b in onderdelen), lagen_[2][1]]
    kleuren = [labels.KLEUR_BALK, labels.KLEUR_BALK, *([labels.KLEUR_BALK_LICHT] * len(onderdelen)), labels.KLEUR_BALK]
    grafiek = Grafiek("Banen per laag van de economie", "liggend", tuple(namen),
                      (Reeks("Banen", tuple(waarden), labels.KLEUR_BALK, tuple(kleuren)),), "#,##0",
                      legenda=False)  # fmt: skip
    beeld = Beeld(functools.partial(dia.driedeling, lagen_, onderdelen, TEKSTEN["profiel"]["noot"]),
                  "Staafdiagram: banen per laag van de economie (Figuur 4)", grafiek)  # fmt: skip
    return _stap("profiel", w, source_of("profiel"), (beeld,))


def _stap_werklocaties() -> Stap:
    locaties = load_table("locaties")
    w = _cijfers() | {
        "n_locaties": str(len(locaties)),
        "n_terreinen": str(int((locaties["type"] == "bedrijventerrein").sum())),
        "n_innovatie": str(int(locaties["type"].isin(["campus", "innovatieomgeving"]).sum())),
    }
    bron = f"{lagen.attributie()} · werklocaties: {bron_tekst('locaties')}"
    beeld = Beeld(dia.kaart, "Kaart van Twente: bedrijventerreinen, campussen, corridors")
    return _stap("werklocaties", w, bron, (beeld,))


def _vraag_aanbod_grafiek(gemeenten) -> Grafiek:
    df = gemeenten.sort_values("gemeente")
    namen = tuple(g if not fmt.is_missing(a) else f"{g} ({labels.GEEN_OPGAVE})"
                  for g, a in zip(df["gemeente"], df["hard_aanbod_ha"], strict=True))  # fmt: skip

    def waarden(kolom: str) -> tuple[float | None, ...]:
        return tuple(None if fmt.is_missing(v) else float(v) for v in df[kolom])

    lichten = tuple(labels.STOPLICHTEN[licht(a, lo, hi)].kleur
                    for a, lo, hi in zip(df["hard_aanbod_ha"], df["vraag_min_ha"], df["vraag_max_ha"], strict=True))
    return Grafiek("Vraag tot 2040 en hard aanbod (1-1-2023)", "liggend", namen, (
        Reeks("Hard aanbod 1-1-2023 (balk in de kleur van het stoplicht)", waarden("hard_aanbod_ha"), "#555555",
              lichten, labels=False),
        Reeks("Vraag tot 2040, laag", waarden("vraag_min_ha"), labels.KLEUR_BANDBREEDTE, labels=False),
        Reeks("Vraag tot 2040, hoog", waarden("vraag_max_ha"), labels.KLEUR_BALK, labels=False),
    ), HA, opmaak=_ha)  # fmt: skip


def _stap_vraag_aanbod() -> Stap:
    gemeenten = load_table("gemeenten")
    g = _lichten()
    w = {f"n_{k}": str(len(v)) for k, v in g.items() if k != "geen opgave"}
    w |= {k: ", ".join(v) or "geen" for k, v in g.items() if k != "geen opgave"}
    w["geen"] = ", ".join(g["geen opgave"]) or "geen"
    w["vraag_som"] = fmt.bandbreedte(gemeenten["vraag_min_ha"].sum(), gemeenten["vraag_max_ha"].sum())
    w["aanbod_som"] = fmt.met_eenheid(gemeenten["hard_aanbod_ha"].sum(), "ha")
    beelden = (
        Beeld(dia.stoplicht_kaart, "Kaart: stoplicht van hard aanbod tegen vraag per gemeente (Tabel 10)"),
        Beeld(lambda: dia.vraag_aanbod(load_table("gemeenten")),
              "Staafdiagram: vraag tot 2040 (laag–hoog) en hard aanbod per gemeente", _vraag_aanbod_grafiek(gemeenten)),
    )  # fmt: skip
    return _stap("vraag_aanbod", w, source_of("gemeenten", "hard_aanbod_ha"), beelden)


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
    beeld = Beeld(functools.partial(dia.kaart, gemeente), f"Kaart van {gemeente} met werklocaties")
    return _stap("gemeente", w, bron, (beeld,))


def _stap_grootschalig() -> Stap:
    r = load_table("grootschalige_vraag").iloc[0]
    w = {
        "vraag": fmt.bandbreedte(r["vraag_min_ha"], r["vraag_max_ha"]),
        "aanbod": fmt.met_eenheid(r["hard_aanbod_ha"], "ha"),
        "tekort_min": fmt.met_eenheid(tekort(r["hard_aanbod_ha"], r["vraag_min_ha"]), "ha"),
        "tekort_max": fmt.met_eenheid(tekort(r["hard_aanbod_ha"], r["vraag_max_ha"]), "ha"),
    }  # fmt: skip
    vraag_min, vraag_max, aanbod = float(r["vraag_min_ha"]), float(r["vraag_max_ha"]), float(r["hard_aanbod_ha"])
    grafiek = Grafiek("Kavels voor grootschalige bedrijven, heel Twente", "liggend",
                      ("Hard aanbod 1-1-2023", "Vraag tot 2040, laag", "Vraag tot 2040, hoog"),
                      (Reeks("Hectares", (aanbod, vraag_min, vraag_max), labels.KLEUR_BANDBREEDTE,
                             (labels.STOPLICHTEN[licht(aanbod, vraag_min, vraag_max)].kleur, labels.KLEUR_BANDBREEDTE,
                              labels.KLEUR_BALK)),), HA, legenda=False, opmaak=_ha)  # fmt: skip
    beeld = Beeld(functools.partial(dia.vraag_tegen_aanbod, vraag_min, vraag_max, aanbod, w["vraag"], w["aanbod"]),
                  "Staafdiagram: grootschalige vraag tegen hard aanbod", grafiek)  # fmt: skip
    return _stap("grootschalig", w, source_of("grootschalige_vraag"), (beeld,))


def _stap_schaalsprong() -> Stap:
    w = _schaalsprong()
    rapport = load_table("schaalsprong_uitkomsten_rapport").set_index("sleutel")["waarde"]
    totaal, intensivering, extra = (float(rapport[k]) for k in ("ha_totaal", "ha_intensivering", "ha_extra"))
    stappen = [
        ("Ruimtevraag schaalsprong", totaal, w["totaal"]),
        ("Herontwikkeling en intensivering", intensivering, f"−{w['intensivering']}"),
        ("Extra bedrijventerrein", extra, w["extra"]),
    ]
    # A waterfall as stacked columns: an undrawn base lifts the middle step to where the total ends.
    grafiek = Grafiek("Ruimtevraag van de schaalsprong", "staand_gestapeld", tuple(n for n, _, _ in stappen), (
        Reeks("basis", (0.0, totaal - intensivering, 0.0), None, labels=False),
        Reeks("Hectares", (totaal, intensivering, extra), dia.KLEUR_ACCENT,
              (dia.KLEUR_ACCENT, "#1a9850", "#c8102e"), label_teksten=("", stappen[1][2], "")),
    ), HA, legenda=False, opmaak=_ha)  # fmt: skip
    beeld = Beeld(functools.partial(dia.waterval, stappen, TEKSTEN["schaalsprong"]["noot"].format(**w)),
                  "Watervaldiagram: ruimtevraag, intensivering en extra hectares", grafiek)  # fmt: skip
    return _stap("schaalsprong", w, source_of("schaalsprong_uitkomsten_rapport"), (beeld,))


def _stap_strategieen() -> Stap:
    w = {}
    for n, p in enumerate(STRATEGIEEN, start=1):
        w[f"s{n}"], w[f"t{n}"] = p.titel, p.tekst
    kaartjes = tuple(Kaartje(p.titel, p.tekst, p.verwijzing.removeprefix("REB Twente 2040, ")) for p in STRATEGIEEN)
    return _stap("strategieen", w, "Bron: REB Twente 2040, Hoofdstuk 4 (§4.1–4.4), in eigen woorden",
                 kaartjes=kaartjes)  # fmt: skip


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

    def beeld(netwerk: EigenNetwerk | None = None) -> bytes:
        return dia.zoekgebieden_kaart(zoekgebieden_resultaat().kandidaten, f"Kandidaat-zoekgebied ({INDICATIEF})",
                                      netwerk=netwerk)  # fmt: skip

    return _stap("zoekgebieden", w, f"Eigen multicriteria-analyse, profiel grootschalig — {INDICATIEF.upper()}; "
                 f"{lagen.attributie().removeprefix('Kaartlagen: ')}",
                 (Beeld(beeld, f"Kaart van Twente met kandidaat-zoekgebieden ({INDICATIEF})"),))  # fmt: skip


def _stap_aanbevelingen() -> Stap:
    lijst = " ".join(f"{n}. {p.titel}: {p.tekst}" for n, p in enumerate(AANBEVELINGEN, start=1))
    kaartjes = tuple(Kaartje(p.titel, p.tekst, f"trekker: {p.trekker}") for p in AANBEVELINGEN)
    return _stap("aanbevelingen", {"lijst": lijst}, "Bron: REB Twente 2040, Hoofdstuk 5 (§5.2), in eigen woorden",
                 kaartjes=kaartjes, genummerd=True)  # fmt: skip


BRON_TABELLEN = (
    ("Inwoners en banen, regio's", "regio"),
    ("Gemeenten: banen, areaal, vraag en aanbod", "gemeenten"),
    ("Economisch profiel", "profiel"),
    ("Grootschalige vraag", "grootschalige_vraag"),
    ("Schaalsprong", "schaalsprong_uitkomsten_rapport"),
)


def _stap_bronnen() -> Stap:
    kaartjes = [Kaartje(titel, source_of(tabel).removeprefix("Bron: "), "") for titel, tabel in BRON_TABELLEN]
    kaartjes.append(Kaartje("Kaart", lagen.attributie().removeprefix("Kaartlagen: "), ""))
    w = {"lijst": "; ".join(f"{k.titel}: {k.tekst}" for k in kaartjes[:-1]), "kaart": kaartjes[-1].tekst,
         "versie": APP_VERSIE}  # fmt: skip
    return _stap("bronnen", w, f"Bron: {labels.REB}; collegevoorstel Almelo (15 oktober 2025)",
                 kaartjes=tuple(kaartjes))  # fmt: skip


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


def deck(gemeente: str | None = None, beelden: dict[tuple[str, int], bytes] | None = None,
         netwerk: EigenNetwerk | None = None) -> bytes:  # fmt: skip
    """The storyline as a 16:9 .pptx: per slide the title, the picture, the messages, the source, the notes.

    `beelden`: map PNGs already made, by (step key, visual index), e.g. the page's cached ones; the rest is drawn
    here, with `netwerk` (a session's own roads and rail) when given. Charts are not pictures in the deck: pptx_dia
    draws them natively from their data.
    """
    from reb_maps.weergave.documenten import pptx_dia

    lijst = stappen(gemeente)
    klaar = beelden or {}
    kaarten = [[klaar.get((s.sleutel, i)) or b.maak(netwerk=netwerk) if b.grafiek is None else None
                for i, b in enumerate(s.beelden)] for s in lijst]  # fmt: skip
    return pptx_dia.bouw(DECK_TITEL, lijst, kaarten)


def bestandsnaam(gemeente: str | None) -> str:
    return f"reb-twente-presentatie{'-' + gemeente.lower().replace(' ', '-') if gemeente else ''}.pptx"


# ---------- command line: python -m reb_maps.presentatie ----------


def _parser():
    from reb_maps.cli import opdrachtregel

    parser = opdrachtregel("reb_maps.presentatie", "Maak de REB-presentatie (PowerPoint, 16:9) in tien stappen.")
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
