"""The six redevelopment criteria of REB §4.1, scored per business park on parks (IBIS) and buildings (BAG panden).

Each criterion gives 1, 0 or "onbekend" (an input is missing: never counted as 0). The score is the number
of ones; `max_score` adds the unknown criteria, the highest score a park can still reach. Only parks with all six
criteria known get a rank: a score of 3 with three criteria unknown is not comparable with a score of 3 out of six.
The others come after them as "niet te beoordelen", each with the input it lacks (`ontbreekt`). Buildings are
assigned to the park that holds their representative point (one spatial join); a building's whole
footprint counts towards the GSI. Buildings without a valid building year (outside 1000–2100) count for
the footprint, not for the ages.

    python -m reb_maps.herontwikkeling --terreinen parks.gpkg --panden panden.gpkg [--uit MAP] --json
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from reb_maps.cellen import csv_tekst
from reb_maps.crs import RD, WGS84

ONBEKEND = "onbekend"

MILIEUCATEGORIE_GRENS = 2  # "groter dan Cat. 2"
OUD_JAAR_1, OUD_AANTAL_1 = 1970, 10  # "meer dan 10 panden voor 1970"
OUD_JAAR_2, OUD_AANTAL_2 = 1990, 30  # "meer dan 30 panden voor 1990"
BRUTO_HA_GRENS = 15
GSI_GRENS = 0.40
GEMIDDELD_JAAR_GRENS = 1990
GELDIG_BOUWJAAR = (1000, 2100)  # BAG uses placeholders such as 9999 for an unknown year


@dataclass(frozen=True)
class Criterium:
    sleutel: str
    label: str
    regel: str  # the rule as §4.1 words it, quoted verbatim (with quotation marks) in METHODE


CRITERIA = (
    Criterium("milieucategorie", "Milieucategorie", "Score 1 wanneer de milieucategorie groter is dan Cat. 2"),
    Criterium(
        "oude_panden",
        "Aantal oude panden",
        "Een terrein scoort 1 als er meer dan 10 panden voor 1970 gebouwd zijn. Een terrein scoort ook 1 als er "
        "meer dan 30 panden voor 1990 gebouwd zijn",
    ),
    Criterium("grootte", "Grootte terrein", "Een terrein scoort 1 als het bruto oppervlak groter is dan 15 ha"),
    Criterium("gsi", "GSI", "Een terrein scoort 1 als er minder dan 40% van het terrein is bebouwd"),
    Criterium("leeftijd", "Gemiddelde leeftijd panden", "Een terrein scoort 1 als het gemiddelde voor 1990 ligt"),
    Criterium(
        "revitalisatie",
        "Aangemerkt als revitalisatie",
        "Een terrein scoort 1 als er een waarde is toegekend aan de kolom oppervlakte revitalisatie",
    ),
)
# What a park lacks when a criterion is unknown: named in the list of parks that cannot be ranked.
ONTBREKENDE_INVOER = {
    "milieucategorie": "milieucategorie",
    "oude_panden": "bouwjaren van de panden",
    "grootte": "bruto oppervlakte",
    "gsi": "oppervlakte van de panden (vlakken)",
    "leeftijd": "bouwjaren van de panden",
    "revitalisatie": "kolom revitalisatie",
}
NIET_TE_BEOORDELEN = "niet te beoordelen"
GERANGSCHIKT = "gerangschikt"
BRON = "REB Twente 2040 (BCI, 2025), §4.1 en Tabel 7"

METHODE = (
    "De REB koppelde 180 Twentse bedrijventerreinen uit IBIS (2022) aan panden uit de BAG (2022) en gaf per "
    "terrein een punt voor elk van zes beoordelingscriteria; een hoog aantal punten betekent een hoge "
    "prioriteit voor herontwikkeling. De criteria, letterlijk uit §4.1:\n\n"
    + "\n".join(f"- **{c.label}.** “{c.regel}.”" for c in CRITERIA)
    + "\n\nZo rekent deze tool: een pand hoort bij het terrein waarin zijn middelpunt ligt; GSI is de som van de "
    "pandoppervlakken gedeeld door de bruto oppervlakte (kolom HA_BRUTO, anders de oppervlakte van het vlak); "
    "het gemiddelde bouwjaar telt alleen panden met een geldig bouwjaar, en een terrein zonder panden voldoet "
    "niet aan het leeftijdscriterium (het heeft geen oude panden); milieucategorie 3.1 en hoger telt als "
    "groter dan 2; revitalisatie telt als toegekend bij een waarde groter dan 0 of een niet-lege tekst. "
    "Ontbreekt een gegeven (geen kolom, geen panden met bouwjaar, panden als punten zonder oppervlak), dan is "
    "het criterium 'onbekend' en niet 0; de kolom 'hoogst haalbaar' telt die criteria mee. Alleen terreinen "
    "waarvan alle zes criteria bekend zijn, krijgen een rang; de andere staan apart als 'niet te beoordelen', "
    "met de invoer die ontbreekt. De REB-tabel "
    "(Tabel 7) staat niet in de brontekst; de uitkomst hier hangt af van de bestanden die u zelf aanlevert."
)

KOLOM_LABELS = {
    "rang": "Rang",
    "beoordeling": "Beoordeling",
    "naam": "Terrein",
    "score": "Score (0–6)",
    "max_score": "Hoogst haalbaar",
    "onbekend": "Criteria onbekend",
    "ontbreekt": "Ontbrekende invoer",
    "milieucategorie": "Milieucategorie",
    "milieucategorie_score": "Milieucategorie > 2",
    "panden": "Panden",
    "panden_voor_1970": "Panden vóór 1970",
    "panden_voor_1990": "Panden vóór 1990",
    "panden_bouwjaar_onbekend": "Panden zonder bouwjaar",
    "oude_panden_score": "> 10 vóór 1970 of > 30 vóór 1990",
    "bruto_ha": "Bruto (ha)",
    "grootte_score": "Bruto > 15 ha",
    "gsi_pct": "GSI (%)",
    "gsi_score": "GSI < 40 %",
    "gemiddeld_bouwjaar": "Gemiddeld bouwjaar",
    "leeftijd_score": "Gemiddeld bouwjaar < 1990",
    "revitalisatie": "Revitalisatie",
    "revitalisatie_score": "Revitalisatie toegekend",
}
SCORE_KOLOMMEN = tuple(f"{c.sleutel}_score" for c in CRITERIA)
_NAAM_KOLOMMEN = ("naam", "plan_naam", "name", "terreinnaam")
_BRUTO_KOLOMMEN = ("ha_bruto", "bruto_ha", "bruto_oppervlakte_ha")
BOUWJAAR_KOLOMMEN = ("bouwjaar", "oorspronkelijkbouwjaar", "oorspronkelijk_bouwjaar")


class HerontwikkelingFout(ValueError):
    """Input the score cannot use; the text is one Dutch message."""


def _kolom(frame: pd.DataFrame, kandidaten=(), bevat: str | None = None) -> str | None:
    per_naam = {str(k).lower(): k for k in frame.columns if k != getattr(frame, "_geometry_column_name", None)}
    for kandidaat in kandidaten:
        if kandidaat in per_naam:
            return per_naam[kandidaat]
    if bevat:
        return next((k for naam, k in per_naam.items() if bevat in naam), None)
    return None


def _milieucategorie(waarde) -> float:
    """'3.1', '4', 'Cat. 3', 'categorie 2' → the leading number; anything else NaN."""
    if waarde is None or (isinstance(waarde, float) and np.isnan(waarde)):
        return np.nan
    gevonden = re.search(r"\d+(?:[.,]\d+)?", str(waarde))
    return float(gevonden.group().replace(",", ".")) if gevonden else np.nan


def _revitalisatie_toegekend(waarde) -> bool:
    if waarde is None or (not isinstance(waarde, str) and pd.isna(waarde)):
        return False
    getal = pd.to_numeric(str(waarde).replace(",", "."), errors="coerce")
    return bool(getal > 0) if not pd.isna(getal) else bool(str(waarde).strip())


def _oordeel(ja: np.ndarray, bekend: np.ndarray) -> pd.Series:
    """1 / 0 where known, <NA> (onbekend) elsewhere."""
    return pd.Series(pd.array(np.where(ja, 1, 0), dtype="Int8")).where(bekend, pd.NA).astype("Int8")


def scoor(terreinen: gpd.GeoDataFrame, panden: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame:
    """One row per park (EPSG:28992), ranked: each criterion's value and verdict, score, highest reachable."""
    terreinen = terreinen.to_crs(RD).reset_index(drop=True)
    vlak = terreinen.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    if not vlak.any():
        raise HerontwikkelingFout("De terreinenlaag bevat geen vlakken; de score vraagt om terreingrenzen.")
    terreinen = terreinen[vlak].reset_index(drop=True)
    n = len(terreinen)
    uit = pd.DataFrame(index=terreinen.index)
    naam_kolom = _kolom(terreinen, _NAAM_KOLOMMEN)
    uit["naam"] = (
        terreinen[naam_kolom].astype(object).where(terreinen[naam_kolom].notna(), None) if naam_kolom else None
    )
    uit["naam"] = [str(v) if v is not None else f"Terrein {i + 1}" for i, v in enumerate(uit["naam"])]

    # 1. Milieucategorie > 2
    kolom = _kolom(terreinen, bevat="milieucat")
    cat = terreinen[kolom].map(_milieucategorie).astype(float) if kolom else pd.Series(np.nan, index=uit.index)
    uit["milieucategorie"] = cat
    uit["milieucategorie_score"] = _oordeel((cat > MILIEUCATEGORIE_GRENS).to_numpy(), cat.notna().to_numpy())

    # Bruto area: HA_BRUTO when given, else the polygon's own area.
    kolom = _kolom(terreinen, _BRUTO_KOLOMMEN)
    bruto = pd.to_numeric(terreinen[kolom], errors="coerce") if kolom else pd.Series(np.nan, index=uit.index)
    uit["bruto_ha"] = bruto.fillna(pd.Series(terreinen.geometry.area.to_numpy() / 10_000, index=uit.index))

    # Buildings per park: one spatial join of representative points.
    per_park = _panden_per_park(terreinen, panden, n)
    uit = uit.join(per_park)

    # 2. Old buildings: decided when the known years already pass a threshold, or when even all unknown
    #    years could not push a count over; otherwise unknown.
    n70, n90, u = uit["panden_voor_1970"], uit["panden_voor_1990"], uit["panden_bouwjaar_onbekend"]
    ja = (n70 > OUD_AANTAL_1) | (n90 > OUD_AANTAL_2)
    nee = (n70 + u <= OUD_AANTAL_1) & (n90 + u <= OUD_AANTAL_2)
    bekend = (ja | nee) & uit["_jaren_bekend"]
    uit["oude_panden_score"] = _oordeel(ja.to_numpy(), bekend.to_numpy())

    # 3. Bruto > 15 ha
    uit["grootte_score"] = _oordeel((uit["bruto_ha"] > BRUTO_HA_GRENS).to_numpy(), uit["bruto_ha"].notna().to_numpy())

    # 4. GSI < 40 %
    gsi = uit["bebouwd_m2"] / (uit["bruto_ha"] * 10_000)
    uit["gsi_pct"] = (gsi * 100).round(1)
    uit["gsi_score"] = _oordeel((gsi < GSI_GRENS).to_numpy(), gsi.notna().to_numpy())

    # 5. Mean building year < 1990. A park without any building (in a file that has years) has no old stock:
    #    it does not meet the criterion, as it does not meet 'oude panden'; that is a verdict, not a gap.
    jaar = uit["gemiddeld_bouwjaar"]
    leeg = (uit["panden"] == 0) & uit["_jaren_bekend"]
    uit["leeftijd_score"] = _oordeel((jaar < GEMIDDELD_JAAR_GRENS).to_numpy(), (jaar.notna() | leeg).to_numpy())

    # 6. Revitalisation recorded
    kolom = _kolom(terreinen, bevat="revital")
    if kolom:
        uit["revitalisatie"] = terreinen[kolom].astype(object).where(terreinen[kolom].notna(), None)
        toegekend = terreinen[kolom].map(_revitalisatie_toegekend).to_numpy(dtype=bool)
        uit["revitalisatie_score"] = _oordeel(toegekend, np.ones(n, dtype=bool))
    else:
        uit["revitalisatie"] = None
        uit["revitalisatie_score"] = _oordeel(np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))

    scores = uit[list(SCORE_KOLOMMEN)]
    uit["score"] = scores.fillna(0).sum(axis=1).astype(int)
    uit["onbekend"] = scores.isna().sum(axis=1).astype(int)
    uit["max_score"] = uit["score"] + uit["onbekend"]
    uit["ontbreekt"] = [
        ", ".join(dict.fromkeys(ONTBREKENDE_INVOER[c.sleutel] for c in CRITERIA if pd.isna(rij[f"{c.sleutel}_score"])))
        for _, rij in scores.iterrows()
    ]
    uit = uit.drop(columns="_jaren_bekend")
    uit = gpd.GeoDataFrame(uit, geometry=terreinen.geometry.values, crs=RD)
    # Ranked parks first (score, then name); then the ones that cannot be ranked, most promising first.
    uit["_beoordeeld"] = uit["onbekend"] == 0
    uit = uit.sort_values(["_beoordeeld", "score", "max_score", "naam"], ascending=[False, False, False, True],
                          kind="stable").reset_index(drop=True)  # fmt: skip
    beoordeeld = uit.pop("_beoordeeld")
    rang = pd.Series(pd.NA, index=uit.index, dtype="Int64")
    rang[beoordeeld] = np.arange(1, int(beoordeeld.sum()) + 1)
    uit.insert(0, "rang", rang)
    return uit[["rang", *[k for k in KOLOM_LABELS if k not in ("rang", "beoordeling")], "bebouwd_m2", "geometry"]]


def _panden_per_park(terreinen: gpd.GeoDataFrame, panden: gpd.GeoDataFrame | None, n: int) -> pd.DataFrame:
    leeg = pd.DataFrame(
        {
            "panden": pd.array([pd.NA] * n, dtype="Int64"),
            "panden_voor_1970": np.zeros(n, dtype=int),
            "panden_voor_1990": np.zeros(n, dtype=int),
            "panden_bouwjaar_onbekend": np.zeros(n, dtype=int),
            "bebouwd_m2": np.full(n, np.nan),
            "gemiddeld_bouwjaar": np.full(n, np.nan),
            "_jaren_bekend": np.zeros(n, dtype=bool),
        }
    )
    if panden is None:
        return leeg
    panden = panden.to_crs(RD)
    panden = panden[~(panden.geometry.is_empty | panden.geometry.isna())]
    kolom = _kolom(panden, BOUWJAAR_KOLOMMEN)
    jaar = pd.to_numeric(panden[kolom], errors="coerce") if kolom else pd.Series(np.nan, index=panden.index)
    jaar = jaar.where(jaar.between(*GELDIG_BOUWJAAR))
    vlak = panden.geom_type.isin(["Polygon", "MultiPolygon"])
    punten = gpd.GeoDataFrame(
        {
            "jaar": jaar.to_numpy(),
            "m2": np.where(vlak, panden.geometry.area, np.nan),
        },
        geometry=panden.geometry.representative_point().to_numpy(),
        crs=RD,
    )
    koppeling = gpd.sjoin(punten, terreinen[["geometry"]], predicate="within", how="inner")
    groep = koppeling.groupby("index_right")
    jaren = koppeling["jaar"]
    per = pd.DataFrame(
        {
            "panden": groep.size(),
            "panden_voor_1970": (jaren < OUD_JAAR_1).groupby(koppeling["index_right"]).sum(),
            "panden_voor_1990": (jaren < OUD_JAAR_2).groupby(koppeling["index_right"]).sum(),
            "panden_bouwjaar_onbekend": jaren.isna().groupby(koppeling["index_right"]).sum(),
            # min_count=1 and a footprint only for polygons: points give an unknown GSI, not a GSI of 0
            "bebouwd_m2": groep["m2"].sum(min_count=1) if vlak.all() else groep["m2"].apply(_som_als_alle),
            "gemiddeld_bouwjaar": groep["jaar"].mean(),
        }
    ).reindex(range(n))
    uit = leeg.copy()
    uit["panden"] = per["panden"].fillna(0).astype("Int64")
    for k in ("panden_voor_1970", "panden_voor_1990", "panden_bouwjaar_onbekend"):
        uit[k] = per[k].fillna(0).astype(int)
    uit["gemiddeld_bouwjaar"] = per["gemiddeld_bouwjaar"].round(1)
    # A park without buildings has GSI 0; a park whose buildings lack a footprint has an unknown GSI.
    uit["bebouwd_m2"] = np.where(uit["panden"] == 0, 0.0, per["bebouwd_m2"]).astype(float)
    uit["_jaren_bekend"] = kolom is not None
    return uit


def _som_als_alle(m2: pd.Series) -> float:
    return float(m2.sum()) if m2.notna().all() else np.nan


# ---------- output ----------


def als_tabel(resultaat: gpd.GeoDataFrame) -> pd.DataFrame:
    """Plain table for CSV/JSON: verdicts 1 / 0 / 'onbekend', Dutch headers."""
    tabel = pd.DataFrame(resultaat.drop(columns=["geometry", "bebouwd_m2"]))
    # The rank stays a number (empty when there is none); the column beside it says why, so a spreadsheet
    # sorts the ranks as numbers and nothing mixes numbers and text.
    tabel["rang"] = tabel["rang"].astype(object).where(tabel["rang"].notna(), None)
    tabel.insert(1, "beoordeling", np.where(resultaat["rang"].notna(), GERANGSCHIKT, NIET_TE_BEOORDELEN))
    for kolom in SCORE_KOLOMMEN:
        tabel[kolom] = tabel[kolom].astype(object).where(tabel[kolom].notna(), ONBEKEND)
    for kolom in ("milieucategorie", "gsi_pct", "gemiddeld_bouwjaar"):
        tabel[kolom] = tabel[kolom].astype(object).where(tabel[kolom].notna(), ONBEKEND)
    tabel["panden"] = tabel["panden"].astype(object).where(tabel["panden"].notna(), ONBEKEND)
    tabel["revitalisatie"] = tabel["revitalisatie"].astype(object).where(tabel["revitalisatie"].notna(), "")
    return tabel


def als_csv(resultaat: gpd.GeoDataFrame) -> str:
    return csv_tekst(als_tabel(resultaat).rename(columns=KOLOM_LABELS), index=False, sep=";", decimal=",")


def als_geojson(resultaat: gpd.GeoDataFrame) -> str:
    tabel = als_tabel(resultaat)
    uit = gpd.GeoDataFrame(tabel, geometry=resultaat.geometry.values, crs=RD).to_crs(WGS84)
    return uit.to_json(drop_id=True, ensure_ascii=False)


def als_records(resultaat: gpd.GeoDataFrame) -> list[dict]:
    tabel = als_tabel(resultaat)
    return json.loads(tabel.to_json(orient="records", force_ascii=False))


def main(argv: list[str] | None = None) -> int:
    from reb_maps.cli import opdrachtregel
    from reb_maps.eigen_data import EigenDataFout, lees

    parser = opdrachtregel(
        "reb_maps.herontwikkeling", "Score bedrijventerreinen op de zes herontwikkelingscriteria van REB §4.1."
    )
    parser.add_argument("--terreinen", required=True, help="bedrijventerreinen (vlakken), bijv. IBIS")
    parser.add_argument("--panden", help="panden (BAG) met bouwjaar; zonder: die criteria 'onbekend'")
    parser.add_argument("--laag-terreinen", help="laag in het terreinenbestand")
    parser.add_argument("--laag-panden", help="laag in het pandenbestand")
    parser.add_argument("--uit", help="map voor herontwikkeling.csv en herontwikkeling.geojson")
    parser.add_argument("--json", action="store_true", help="de tabel als JSON op stdout")
    args = parser.parse_args(argv)

    def lees_pad(pad_tekst: str, laag: str | None) -> gpd.GeoDataFrame:
        pad = Path(pad_tekst)
        if not pad.is_file():
            raise EigenDataFout(f"Bestand niet gevonden: {pad_tekst}")
        return lees(pad.read_bytes(), pad.name, laag).analyse

    try:
        terreinen = lees_pad(args.terreinen, args.laag_terreinen)
        panden = lees_pad(args.panden, args.laag_panden) if args.panden else None
        resultaat = scoor(terreinen, panden)
    except (EigenDataFout, HerontwikkelingFout) as fout:
        parser.exit(2, f"{parser.prog}: fout: {fout}\n")
    if args.uit:
        map_ = Path(args.uit)
        map_.mkdir(parents=True, exist_ok=True)
        (map_ / "herontwikkeling.csv").write_text(als_csv(resultaat), encoding="utf-8")
        (map_ / "herontwikkeling.geojson").write_text(als_geojson(resultaat), encoding="utf-8")
    if args.json:
        print(json.dumps({"bron": BRON, "terreinen": als_records(resultaat)}, ensure_ascii=False, indent=2))
    else:
        for rij in als_records(resultaat):
            if rij["rang"] is None:
                print(f"  –  {rij['naam']}: {NIET_TE_BEOORDELEN}, ontbreekt: {rij['ontbreekt']} "
                      f"({rij['score']} punten tot nu toe, hoogst haalbaar {rij['max_score']})")  # fmt: skip
            else:
                print(f"{rij['rang']:>3}. {rij['naam']}: {rij['score']} van 6")
    return 0


if __name__ == "__main__":
    from reb_maps.cli import start

    start(main)
