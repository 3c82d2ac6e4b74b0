"""The briefing's section "Wat is er veranderd sinds de REB": one area's REB figures beside the latest imported year."""

from __future__ import annotations

import pandas as pd

from reb_maps import fmt, labels
from reb_maps.kerncijfers import licht
from reb_maps.monitor import regels
from reb_maps.monitor.reeks import bron_reb, bron_twente_reb
from reb_maps.weergave.documenten.briefing import MonitorSectie


def _ha(waarde, decimalen: int | None = 2) -> str:
    """Imported years to two decimals; the report's figures (decimalen=None) as it prints them."""
    return labels.GEEN_OPGAVE if waarde is None or fmt.is_missing(waarde) else fmt.met_eenheid(waarde, "ha", decimalen)


def _aantal(waarde) -> str:
    return labels.GEEN_OPGAVE if waarde is None or fmt.is_missing(waarde) else fmt.getal(waarde, 0)


def _verschil(nu, toen, eenheid: str) -> str:
    if nu is None or toen is None or fmt.is_missing(nu) or fmt.is_missing(toen):
        return "–"
    verschil = float(nu) - float(toen)
    procent = f" ({fmt.met_teken(100 * verschil / float(toen), '%', 1, minus='−', nul='+')})" if toen else ""
    return f"{fmt.met_teken(verschil, eenheid or None, 2 if eenheid == 'ha' else 0, minus='−', nul='+')}{procent}"


def briefing_sectie(reeks: pd.DataFrame, gemeente: str | None, jaar: int | None = None) -> MonitorSectie | None:
    """None when no year was imported. `jaar`: the year to compare (default the latest)."""
    gebied = gemeente or regels.TWENTE
    rijen = reeks[reeks["gemeente"] == gebied]
    later = sorted(int(j) for j in rijen["jaar"] if int(j) != regels.REB_JAAR)
    if not later:
        return None
    jaar = jaar if jaar in later else later[-1]
    reb = rijen[rijen["jaar"] == regels.REB_JAAR].iloc[0]
    nu = rijen[rijen["jaar"] == jaar].iloc[0]
    tabel = [
        ("Netto areaal bedrijventerrein", _ha(reb["netto_ha"], None), _ha(nu["netto_ha"]),
         _verschil(nu["netto_ha"], reb["netto_ha"], "ha")),
        ("Hard aanbod (REB) / uitgeefbaar (IBIS)", _ha(reb["hard_aanbod_ha"], None), _ha(nu["uitgeefbaar_ha"]),
         "andere maat"),
        ("Banen", _aantal(reb["banen"]), _aantal(nu["banen"]), _verschil(nu["banen"], reb["banen"], "")),
        ("Inwoners", _aantal(reb["inwoners"]), _aantal(nu["inwoners"]), _verschil(nu["inwoners"], reb["inwoners"], "")),
        ("Terreinen in IBIS", "–", _aantal(nu["terreinen"]), "–"),
    ]  # fmt: skip
    noten = [regels.DEFINITIE_UITGEEFBAAR]
    if gemeente is not None:
        from reb_maps.data import load_table

        g = load_table("gemeenten").set_index("gemeente").loc[gemeente]
        voor = labels.STOPLICHTEN[licht(g["hard_aanbod_ha"], g["vraag_min_ha"], g["vraag_max_ha"])].kort
        na = labels.STOPLICHTEN[licht(nu["uitgeefbaar_ha"], g["vraag_min_ha"], g["vraag_max_ha"])].kort
        tabel.append(("Stoplicht tegenover de vraag tot 2040", voor, na, "andere maat"))
        noten.append(
            f"Het stoplicht van {jaar} zet IBIS' uitgeefbaar tegenover dezelfde vraag tot 2040 "
            f"({fmt.bandbreedte(g['vraag_min_ha'], g['vraag_max_ha'])}, Tabel 10); omdat uitgeefbaar iets anders meet "
            "dan het harde aanbod, is een andere kleur nog geen verandering in de werkelijkheid."
        )
    bron = (
        f"Januari 2023: {bron_reb() if gemeente else bron_twente_reb()}. {jaar}: {nu['bron'] or 'ingelezen peildata'}."
    )
    return MonitorSectie(gebied, jaar, tuple(tabel), bron, tuple(noten))
