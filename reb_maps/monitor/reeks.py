"""The time series: the REB's 2023 as the first peildatum, every imported year beside it, never mixed.

`reeks(ruimte)` gives one row per municipality (and Twente) per year; `sinds_reb(reeks)` the change since the REB;
`peildatum(ruimte, jaar)` one year's figures as a hashable value for the map, the panel and the charts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reb_maps import fmt
from reb_maps.data import load_table, table_meta
from reb_maps.monitor import regels
from reb_maps.monitor.invoer import GEMEENTECIJFERS, IBIS
from reb_maps.monitor.opslag import Peiljaar, peiljaren
from reb_maps.werkruimte import Werkruimte

KOLOMMEN = (
    "gemeente",
    "jaar",
    "netto_ha",
    "uitgeefbaar_ha",
    "hard_aanbod_ha",
    "terreinen",
    "banen",
    "inwoners",
    "bron",
)
FIGUREN = ("netto_ha", "uitgeefbaar_ha", "terreinen", "banen", "inwoners")


def _kolom_bron(tabel: str, kolom: str) -> str:
    return table_meta(tabel)["kolommen"][kolom].get("bron") or table_meta(tabel).get("bron", "")


def bron_reb() -> str:
    return (
        f"REB Twente 2040: Tabel 2 (banen en inwoners 2023; {_kolom_bron('gemeenten', 'banen_2023')}), "
        f"Tabel 8 (netto areaal januari 2023; {_kolom_bron('gemeenten', 'netto_areaal_ha')}) en "
        "Tabel 10 (hard aanbod 1-1-2023; geen bron vermeld)"
    )


def bron_twente_reb() -> str:
    return (
        f"REB Twente 2040: Tabel 1 (banen en inwoners 2023; {table_meta('regio').get('bron', '')}) en de "
        "totaalregel van Tabel 8 (netto areaal januari 2023); Tabel 10 geeft geen totaal van het harde aanbod"
    )


def _getal(waarde):
    return None if fmt.is_missing(waarde) else (int(waarde) if float(waarde).is_integer() else float(waarde))


def reb_rijen() -> list[dict]:
    """2023 from the report: per municipality Tabel 2, 8 and 10; Twente from Tabel 1 and the total of Tabel 8."""
    gemeenten = load_table("gemeenten")
    rijen = [
        {
            "gemeente": r["gemeente"], "jaar": regels.REB_JAAR, "netto_ha": _getal(r["netto_areaal_ha"]),
            "uitgeefbaar_ha": None, "hard_aanbod_ha": _getal(r["hard_aanbod_ha"]), "terreinen": None,
            "banen": _getal(r["banen_2023"]), "inwoners": _getal(r["inwoners_2023"]), "bron": bron_reb(),
        }
        for _, r in gemeenten.iterrows()
    ]  # fmt: skip
    regio = load_table("regio")
    twente = regio[regio["regio"] == regels.TWENTE].iloc[0]
    netto = load_table("gemeenten")["netto_areaal_ha"].sum()  # equals the Tabel 8 total exactly (3.380 ha)
    rijen.append(
        {
            "gemeente": regels.TWENTE, "jaar": regels.REB_JAAR, "netto_ha": _getal(netto), "uitgeefbaar_ha": None,
            "hard_aanbod_ha": None, "terreinen": None, "banen": _getal(twente["banen_2023"]),
            "inwoners": _getal(twente["inwoners_2023"]), "bron": bron_twente_reb(),
        }
    )  # fmt: skip
    return rijen


def _bron_jaar(ibis: Peiljaar | None, cijfers: Peiljaar | None) -> str:
    delen = []
    if ibis:
        delen.append(f"IBIS {ibis.jaar}: {ibis.bron} (ingelezen door {ibis.gewijzigd_door})")
    if cijfers:
        delen.append(f"banen en inwoners {cijfers.jaar}: {cijfers.bron} (ingelezen door {cijfers.gewijzigd_door})")
    return "; ".join(delen)


def jaar_rijen(jaar: int, ibis: Peiljaar | None, cijfers: Peiljaar | None) -> list[dict]:
    """One imported year: per municipality and for Twente (a sum only when every municipality has the figure)."""
    bron = _bron_jaar(ibis, cijfers)
    codes = load_table("gemeenten")[["gemeente", "cbs_code"]]
    rijen = []
    for _, g in codes.iterrows():
        park = (ibis.totalen.get(g["cbs_code"]) if ibis else None) or {}
        cijfer = (cijfers.totalen.get(g["cbs_code"]) if cijfers else None) or {}
        rijen.append(
            {
                "gemeente": g["gemeente"], "jaar": jaar, "netto_ha": park.get("netto_ha"),
                "uitgeefbaar_ha": park.get("uitgeefbaar_ha"), "hard_aanbod_ha": None,
                "terreinen": park.get("terreinen", 0 if ibis else None), "banen": cijfer.get("banen"),
                "inwoners": cijfer.get("inwoners"), "bron": bron,
            }
        )  # fmt: skip
    twente = {"gemeente": regels.TWENTE, "jaar": jaar, "hard_aanbod_ha": None, "bron": bron}
    for kolom in FIGUREN:
        waarden = [r[kolom] for r in rijen]
        heel = all(w is not None for w in waarden)
        som = sum(waarden) if heel else None
        twente[kolom] = round(som, 2) if isinstance(som, float) else som
    rijen.append(twente)
    return rijen


def reeks(ruimte: Werkruimte | None, gemeente: str | None = None) -> pd.DataFrame:
    """Every year's rows (REB 2023 first), one municipality or all with Twente; unknown figures are None."""
    rijen = reb_rijen()
    if ruimte is not None:
        per_jaar: dict[int, dict[str, Peiljaar]] = {}
        for p in peiljaren(ruimte):
            per_jaar.setdefault(p.jaar, {})[p.soort] = p
        for jaar in sorted(per_jaar):
            rijen += jaar_rijen(jaar, per_jaar[jaar].get(IBIS), per_jaar[jaar].get(GEMEENTECIJFERS))
    frame = pd.DataFrame(rijen, columns=list(KOLOMMEN), dtype=object)  # ints stay ints, None stays None
    if gemeente:
        frame = frame[frame["gemeente"] == gemeente]
    volgorde = {g: i for i, g in enumerate([*load_table("gemeenten")["gemeente"], regels.TWENTE])}
    frame = frame.assign(_o=frame["gemeente"].map(volgorde), _r=frame["jaar"] != regels.REB_JAAR)
    return frame.sort_values(["_o", "jaar", "_r"]).drop(columns=["_o", "_r"]).reset_index(drop=True)


# ---------- one year for the map and the panel ----------


@dataclass(frozen=True)
class Peildatum:
    """One imported year's figures per municipality, hashable (a cache key for maps and charts).

    `waarden` is ((gemeente, netto_ha, uitgeefbaar_ha, terreinen, banen, inwoners), …); None is 'not known'.
    """

    jaar: int
    bron: str
    waarden: tuple[tuple, ...]
    heeft_ibis: bool
    heeft_cijfers: bool
    ibis_id: str | None = None
    ibis_versie: int | None = None

    def van(self, gemeente: str | None) -> dict:
        naam = gemeente or regels.TWENTE
        for rij in self.waarden:
            if rij[0] == naam:
                return dict(zip(("gemeente", *FIGUREN), rij, strict=True))
        return {"gemeente": naam, **dict.fromkeys(FIGUREN)}

    @property
    def label(self) -> str:
        return f"{self.jaar} (ingelezen)"


def peildatum(ruimte: Werkruimte, jaar: int) -> Peildatum | None:
    """The figures of an imported year (None when that year is not in the workspace)."""
    gevonden = {p.soort: p for p in peiljaren(ruimte) if p.jaar == jaar}
    if not gevonden:
        return None
    ibis, cijfers = gevonden.get(IBIS), gevonden.get(GEMEENTECIJFERS)
    rijen = jaar_rijen(jaar, ibis, cijfers)
    return Peildatum(
        jaar,
        rijen[0]["bron"],
        tuple(tuple(r[k] for k in ("gemeente", *FIGUREN)) for r in rijen),
        ibis is not None,
        cijfers is not None,
        ibis.id if ibis else None,
        ibis.versie if ibis else None,
    )


def jaren(ruimte: Werkruimte | None) -> list[int]:
    """The imported years, oldest first."""
    return sorted({p.jaar for p in peiljaren(ruimte)}) if ruimte is not None else []


# ---------- change since the REB ----------


def _verschil(nu, toen) -> tuple[float | None, float | None]:
    if nu is None or toen is None:
        return None, None
    verschil = round(float(nu) - float(toen), 2)
    return verschil, (round(100 * verschil / float(toen), 1) if toen else None)


def sinds_reb(alle: pd.DataFrame, jaar: int | None = None) -> pd.DataFrame:
    """From the series (`reeks(ruimte)`, which a page keeps cached): per municipality and Twente the netto areaal
    and jobs in the REB and in `jaar` (default the latest year), the change in ha (and jobs) and in %; the year's
    IBIS 'uitgeefbaar' beside the report's hard supply."""
    geimporteerd = sorted(j for j in alle["jaar"].unique() if j != regels.REB_JAAR)
    if not geimporteerd:
        return pd.DataFrame()
    jaar = jaar or geimporteerd[-1]
    reb = alle[alle["jaar"] == regels.REB_JAAR].set_index("gemeente")
    nu = alle[alle["jaar"] == jaar].set_index("gemeente")
    rijen = []
    for gemeente in reb.index:
        r, n = reb.loc[gemeente], nu.loc[gemeente]
        netto_ha, netto_pct = _verschil(n["netto_ha"], r["netto_ha"])
        banen, banen_pct = _verschil(n["banen"], r["banen"])
        rijen.append(
            {
                "gemeente": gemeente, "jaar": int(jaar), "netto_reb_ha": r["netto_ha"], "netto_ha": n["netto_ha"],
                "netto_verschil_ha": netto_ha, "netto_verschil_pct": netto_pct,
                "hard_aanbod_reb_ha": r["hard_aanbod_ha"],
                "uitgeefbaar_ha": n["uitgeefbaar_ha"], "banen_reb": r["banen"], "banen": n["banen"],
                "banen_verschil": None if banen is None else int(banen), "banen_verschil_pct": banen_pct,
            }
        )  # fmt: skip
    return pd.DataFrame(rijen)
