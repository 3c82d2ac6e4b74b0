"""Key figures and the traffic light, built once for the map's side panel, the Gemeenten page and documents.

`kerncijfers("Almelo")` gives one municipality's figures from Tabel 2, 8 and 10; `kerncijfers(None)` gives
Twente's (Tabel 1, the sum of Tabel 8 and the regional large-scale line of Tabel 10). Every value is Dutch
text exactly as the report prints it, with its source. A missing figure ('-' in the report) reads
"geen opgave" and never becomes 0. The traffic light compares hard supply with the indicative demand.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reb_maps import fmt, labels
from reb_maps.data import load_table, source_of
from reb_maps.indicatoren import tekort
from reb_maps.labels import Stoplicht

# One plain-Dutch sentence per light; {onderwerp} is "Het harde aanbod" or the regional large-scale variant.
LEZING = {
    "rood": "{onderwerp} ({aanbod}) ligt onder de minimale vraag tot 2040 ({vraag}); er ontbreekt ten minste {tekort}.",
    "oranje": "{onderwerp} ({aanbod}) ligt binnen de bandbreedte van de vraag ({vraag}).",
    "groen": "{onderwerp} ({aanbod}) dekt ook de maximale vraag tot 2040 ({vraag}).",
    "geen opgave": "Het rapport geeft geen cijfer voor {onderwerp_klein} (‘-’ in Tabel 10), dus is het niet "
    "met de vraag tot 2040 ({vraag}) te vergelijken.",
}
ONDERWERP_GEMEENTE = "Het harde aanbod"
ONDERWERP_TWENTE = "Het harde aanbod voor grootschalige bedrijven"


def licht(aanbod, vraag_min, vraag_max) -> str:
    """rood: supply below the minimum demand; oranje: within the range; groen: at or above the maximum.

    A missing supply or demand ('-' in the report: no figure given) gives 'geen opgave', never a colour.
    """
    if fmt.is_missing(aanbod) or fmt.is_missing(vraag_min) or fmt.is_missing(vraag_max):
        return "geen opgave"
    if aanbod < vraag_min:
        return "rood"
    if aanbod >= vraag_max:
        return "groen"
    return "oranje"


def stoplicht(aanbod, vraag_min, vraag_max) -> Stoplicht:
    """The traffic light with its colour and texts (labels.STOPLICHTEN)."""
    return labels.STOPLICHTEN[licht(aanbod, vraag_min, vraag_max)]


def lezing(aanbod, vraag_min, vraag_max, onderwerp: str = ONDERWERP_GEMEENTE) -> str:
    """The traffic light in one sentence, e.g. 'Het harde aanbod (16,58 ha) ligt binnen de bandbreedte van de
    vraag (10–40 ha).'"""
    return LEZING[licht(aanbod, vraag_min, vraag_max)].format(
        onderwerp=onderwerp,
        onderwerp_klein=onderwerp[0].lower() + onderwerp[1:],
        aanbod=fmt.met_eenheid(aanbod, "ha"),
        vraag=fmt.bandbreedte(vraag_min, vraag_max),
        tekort=fmt.met_eenheid(tekort(aanbod, vraag_min), "ha"),
    )


@dataclass(frozen=True)
class Kerncijfer:
    """One key figure. `delta_kleur`/`pijl` are st.metric's delta_color/delta_arrow values."""

    sleutel: str  # inwoners, banen, netto, vraag, aanbod: stable, for documents and tests
    label: str
    waarde: str  # Dutch text as the report prints it
    bron: str  # 'Bron: …'
    delta: str | None = None  # growth since 2014, or the traffic light
    uitleg: str | None = None  # help text: what the figure means
    delta_kleur: str = "normal"
    pijl: str = "auto"
    stoplicht: Stoplicht | None = None  # only on 'aanbod'
    lezing: str | None = None  # only on 'aanbod': the traffic light in one sentence


def kerncijfers(gemeente: str | None, peil=None) -> list[Kerncijfer]:
    """Inwoners, banen (with growth), netto areaal, vraag tot 2040 and hard aanbod (with traffic light).

    With `peil` (an imported year, `reb_maps.monitor.reeks.Peildatum`): that year's figures with the change
    since the REB as delta, and IBIS' uitgeefbaar — a different measure, said so — in place of hard aanbod.
    """
    reb = list(_twente() if gemeente is None else _gemeente(gemeente))  # the caller's own list
    return reb if peil is None else _peil(gemeente, peil, reb)


PEIL_HULP_UITGEEFBAAR = (
    "IBIS' uitgeefbare grond (HA_TOTTUIT) in {jaar}. Dit is niet hetzelfde als het harde aanbod van het rapport "
    "(Tabel 10): het stoplicht zet uitgeefbaar tegenover de vraag tot 2040 en is dus een andere lezing."
)


def _verschil_tekst(nu, toen, eenheid: str) -> str | None:
    if nu is None or fmt.is_missing(toen):
        return None
    # ASCII minus: st.metric reads it as a change down
    return f"{fmt.met_teken(float(nu) - float(toen), eenheid, 2 if eenheid == 'ha' else 0, nul='±')} sinds de REB"


def _peil(gemeente: str | None, peil, reb: list[Kerncijfer]) -> list[Kerncijfer]:
    """The REB's figures replaced by those of the imported year where that year has them."""
    jaar, bron = peil.jaar, f"Bron: {peil.bron}"
    v = peil.van(gemeente)
    r = reb_waarden(gemeente)
    per = {k.sleutel: k for k in reb}

    def aantal(sleutel: str, label: str, eenheid: str) -> Kerncijfer:
        waarde = v[sleutel]
        if waarde is None:
            return Kerncijfer(sleutel, f"{label} {jaar}", labels.GEEN_OPGAVE, bron,
                              uitleg=f"Voor {jaar} zijn geen {label.lower()} ingelezen.")  # fmt: skip
        return Kerncijfer(sleutel, f"{label} {jaar}", fmt.getal(waarde), bron,
                          delta=_verschil_tekst(waarde, r[sleutel], eenheid), uitleg=f"{label} in {jaar}.")  # fmt: skip

    netto = v["netto_ha"]
    uit = v["uitgeefbaar_ha"]
    vraag_min, vraag_max = r["vraag_min"], r["vraag_max"]
    if gemeente is None:  # Twente's demand line is the regional large-scale one: not comparable with all land
        vraag_min = vraag_max = None
    licht_ = stoplicht(uit, vraag_min, vraag_max)
    lezing_ = None
    if gemeente is not None:
        lezing_ = lezing(uit, vraag_min, vraag_max, f"Uitgeefbaar volgens IBIS {jaar}").replace(
            "(‘-’ in Tabel 10)", f"(niet in IBIS {jaar})"
        ) + " Let op: uitgeefbaar is niet het harde aanbod van het rapport."
    return [
        aantal("inwoners", "Inwoners", ""),
        aantal("banen", "Banen", ""),
        Kerncijfer(
            "netto", f"Netto areaal {jaar}", fmt.met_eenheid(netto, "ha", 2, missing=labels.GEEN_OPGAVE), bron,
            delta=_verschil_tekst(netto, r["netto"], "ha"),
            uitleg=f"Netto areaal volgens IBIS {jaar}; de REB (Tabel 8, januari 2023) gaf "
            f"{fmt.met_eenheid(r['netto'], 'ha')}.",
        ),
        per["vraag"],
        Kerncijfer(
            "aanbod", f"Uitgeefbaar {jaar}", fmt.met_eenheid(uit, "ha", 2, missing=labels.GEEN_OPGAVE), bron,
            delta=licht_.label if gemeente is not None else None, uitleg=PEIL_HULP_UITGEEFBAAR.format(jaar=jaar),
            delta_kleur=licht_.streamlit_kleur, pijl="off", stoplicht=licht_ if gemeente is not None else None,
            lezing=lezing_,
        ),
    ]


def reb_waarden(gemeente: str | None) -> dict:
    """The report's numbers behind the key figures (for differences): inwoners, banen, netto, vraag."""
    if gemeente is None:
        twente = load_table("regio").set_index("regio").loc["Twente"]
        groot = load_table("grootschalige_vraag").iloc[0]
        return {"inwoners": twente["inwoners_2023"], "banen": twente["banen_2023"],
                "netto": load_table("gemeenten")["netto_areaal_ha"].sum(),
                "vraag_min": groot["vraag_min_ha"], "vraag_max": groot["vraag_max_ha"]}  # fmt: skip
    r = load_table("gemeenten").set_index("gemeente").loc[gemeente]
    return {"inwoners": r["inwoners_2023"], "banen": r["banen_2023"], "netto": r["netto_areaal_ha"],
            "vraag_min": r["vraag_min_ha"], "vraag_max": r["vraag_max_ha"]}  # fmt: skip


@functools.lru_cache(maxsize=32)  # per process: the report's figures do not change; formatting them costs ~6 ms a run
def _gemeente(naam: str) -> tuple[Kerncijfer, ...]:
    r = load_table("gemeenten").set_index("gemeente").loc[naam]
    hulp = labels.METRIC_HULP
    licht_ = stoplicht(r["hard_aanbod_ha"], r["vraag_min_ha"], r["vraag_max_ha"])

    def bron(kolom: str) -> str:
        return source_of("gemeenten", kolom)

    return (
        _met_groei("inwoners", labels.METRIC_INWONERS, r, bron("inwoners_2023"), hulp["inwoners"]),
        _met_groei("banen", labels.METRIC_BANEN, r, bron("banen_2023"), hulp["banen"]),
        Kerncijfer(
            "netto", labels.METRIC_NETTO, fmt.met_eenheid(r["netto_areaal_ha"], "ha"), bron("netto_areaal_ha"),
            uitleg=hulp["netto"].format(aandeel=fmt.met_eenheid(r["netto_areaal_aandeel_pct"], "%")),
        ),
        Kerncijfer(
            "vraag", labels.METRIC_VRAAG, fmt.bandbreedte(r["vraag_min_ha"], r["vraag_max_ha"]),
            bron("vraag_min_ha"), uitleg=hulp["vraag"],
        ),
        _aanbod(labels.METRIC_AANBOD, r, licht_, bron("hard_aanbod_ha"), hulp["aanbod"], ONDERWERP_GEMEENTE),
    )


@functools.cache
def _twente() -> tuple[Kerncijfer, ...]:
    regio = load_table("regio")
    twente = regio[regio["regio"] == "Twente"].iloc[0]
    netto = load_table("gemeenten")["netto_areaal_ha"].sum()
    groot = load_table("grootschalige_vraag").iloc[0]
    licht_ = stoplicht(groot["hard_aanbod_ha"], groot["vraag_min_ha"], groot["vraag_max_ha"])
    hulp = labels.METRIC_TWENTE_HULP
    return (
        _met_groei("inwoners", labels.METRIC_INWONERS, twente, source_of("regio"), hulp["inwoners"]),
        _met_groei("banen", labels.METRIC_BANEN, twente, source_of("regio"), hulp["banen"]),
        Kerncijfer(
            "netto", labels.METRIC_TWENTE_NETTO, fmt.met_eenheid(netto, "ha"),
            source_of("gemeenten", "netto_areaal_ha"), uitleg=hulp["netto"],
        ),
        Kerncijfer(
            "vraag", labels.METRIC_TWENTE_VRAAG, fmt.bandbreedte(groot["vraag_min_ha"], groot["vraag_max_ha"]),
            source_of("grootschalige_vraag"), uitleg=hulp["vraag"],
        ),
        _aanbod(labels.METRIC_TWENTE_AANBOD, groot, licht_, source_of("grootschalige_vraag"), hulp["aanbod"],
                ONDERWERP_TWENTE),
    )  # fmt: skip


def _met_groei(sleutel: str, label: str, rij, bron: str, uitleg: str) -> Kerncijfer:
    """Inhabitants or jobs in 2023 with the growth since 2014 as delta (same column names in Tabel 1 and 2)."""
    return Kerncijfer(
        sleutel, label, fmt.getal(rij[f"{sleutel}_2023"]), bron,
        delta=labels.METRIC_SINDS_2014.format(groei=fmt.groei(rij[f"{sleutel}_groei_2014_2023_pct"])),
        uitleg=uitleg,
    )


def _aanbod(label: str, rij, licht_: Stoplicht, bron: str, uitleg: str, onderwerp: str) -> Kerncijfer:
    return Kerncijfer(
        "aanbod", label, fmt.met_eenheid(rij["hard_aanbod_ha"], "ha", missing=labels.GEEN_OPGAVE), bron,
        delta=licht_.label, uitleg=uitleg.format(stoplicht=licht_.lang), delta_kleur=licht_.streamlit_kleur,
        pijl="off", stoplicht=licht_,
        lezing=lezing(rij["hard_aanbod_ha"], rij["vraag_min_ha"], rij["vraag_max_ha"], onderwerp),
    )
