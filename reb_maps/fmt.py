"""Dutch number formatting (Babel), so 3380 reads '3.380' and 18.04 reads '18,04'."""

from __future__ import annotations

import decimal

import pandas as pd
from babel.numbers import format_decimal, format_percent

LOCALE = "nl_NL"


def is_missing(value) -> bool:
    """None, NaN and pandas.NA all mean 'no value'."""
    return value is None or bool(pd.isna(value)) if pd.api.types.is_scalar(value) else False


def getal(value, decimals: int | None = None, missing: str = "–") -> str:
    """A number in Dutch notation; `decimals=None` keeps up to two decimals as given."""
    if is_missing(value):
        return missing
    if decimals is None:
        pattern = "#,##0.##"
    elif decimals == 0:
        pattern = "#,##0"
    else:
        pattern = "#,##0." + "0" * decimals
    rounded = half_up(value, 2 if decimals is None else decimals)
    with decimal.localcontext() as ctx:  # Babel quantizes in the current context: give it every digit
        ctx.prec = max(ctx.prec, rounded.adjusted() + 6)
        return format_decimal(rounded, format=pattern, locale=LOCALE)


def half_up(value, decimals: int) -> decimal.Decimal:
    """Round as a reader expects (216,625 → 216,63; 2,5 → 3), not Babel's banker's rounding.

    `repr` of the float avoids binary noise (0,125 is stored exactly, 1,005 is not).
    """
    exact = decimal.Decimal(repr(float(value))) if not isinstance(value, decimal.Decimal) else value
    with decimal.localcontext() as ctx:  # room for every digit: 1e300 must not raise InvalidOperation
        ctx.prec = max(ctx.prec, exact.adjusted() + decimals + 2)
        return exact.quantize(decimal.Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP)


def met_eenheid(value, eenheid: str | None, decimals: int | None = None, missing: str = "–") -> str:
    """'3.380 ha', '12,3%', '346.500 banen'; a missing value stays a dash without unit."""
    if is_missing(value):
        return missing
    if eenheid == "%":
        return f"{getal(value, decimals)}%"
    if eenheid == "m2":
        eenheid = "m²"
    return f"{getal(value, decimals)} {eenheid}" if eenheid else getal(value, decimals)


def met_teken(value, eenheid: str | None = None, decimals: int | None = None, missing: str = "–", minus: str = "-",
              nul: str = "") -> str:  # fmt: skip
    """A change with its sign: '+12,50 ha', '-3,5%', '+1.000'. `minus`: '-' where software reads the sign
    (st.metric), '−' in print; `nul`: what stands before an exact 0 ('±', '+' or nothing)."""
    if is_missing(value):
        return missing
    teken = "+" if value > 0 else (minus if value < 0 else nul)
    return teken + met_eenheid(abs(value), eenheid, decimals)


def groei(value) -> str:
    """A growth percentage with its sign, as the report prints it: '+14%', '-1%', '+0,2%'."""
    if is_missing(value):
        return "–"
    sign = "+" if value > 0 else ""
    return f"{sign}{met_eenheid(value, '%')}"


def bandbreedte(low, high, eenheid: str | None = "ha", missing: str = "–") -> str:
    """A range such as '121–199 ha'."""
    if is_missing(low) and is_missing(high):
        return missing
    text = f"{getal(low, missing=missing)}–{getal(high, missing=missing)}"
    return f"{text} {eenheid}" if eenheid else text


def fractie(value, decimals: int = 0) -> str:
    """A fraction 0–1 as a Dutch percentage: 0.3 → '30%'."""
    if is_missing(value):
        return "–"
    pattern = "#,##0%" if decimals == 0 else "#,##0." + "0" * decimals + "%"
    return format_percent(value, format=pattern, locale=LOCALE).replace("\xa0", "")


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 terrein', '3 terreinen': the count in Dutch notation with the right form of the noun."""
    return f"{getal(n, 0)} {enkelvoud if n == 1 else meervoud}"
