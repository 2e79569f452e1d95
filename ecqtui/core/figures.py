"""Reading the figures people type: "$4.2M", "850k", "1,200,000", "12 people".

Pure and forgiving about how a number is written, strict about what it means: a value that
cannot be read raises :class:`FigureError` with a message that says how to write it.
"""

from __future__ import annotations

import re

#: Multipliers by suffix (case-insensitive): thousand, million, billion.
SUFFIXES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}

_NUMBER = re.compile(
    r"""^\s*\$?\s*
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    \s*(?P<suffix>[a-zA-Z]+)?\s*$""",
    re.VERBOSE,
)


class FigureError(ValueError):
    """The text is not a figure we can read; the message suggests a form that works."""


#: "$4.2M a year", "$400M per year", "$2M/yr", "$1.1B annually": the rate is understood, the figure kept.
_PER_YEAR = re.compile(r"\s*(?:/\s*(?:yr|year|y)|(?:per|a|each)\s+(?:year|yr)|annually|yearly|p\.?a\.?)\.?\s*$", re.I)


def parse_amount(text: str) -> float | None:
    """A money amount in dollars: "$4.2M" -> 4200000.0, "850k" -> 850000.0; "" -> None."""
    text = (text or "").strip()
    if not text:
        return None
    match = _NUMBER.match(_PER_YEAR.sub("", text).replace("USD", "").replace("usd", ""))
    if not match:
        raise FigureError(f"cannot read {text!r} as an amount; write it like $4.2M, 850k or 1,200,000")
    value = float(match["num"].replace(",", ""))
    suffix = (match["suffix"] or "").lower()
    if suffix:
        if suffix not in SUFFIXES:
            raise FigureError(f"unknown unit {match['suffix']!r} in {text!r}; use k, M or B")
        value *= SUFFIXES[suffix]
    return round(value, 2)


def parse_count(text: str) -> int | None:
    """A whole count of people or organizations: "1,200" -> 1200, "1.5k" -> 1500; "" -> None.

    A trailing word such as "people", "staff" or "orgs" is allowed.
    """
    text = (text or "").strip()
    if not text:
        return None
    text = re.sub(r"\s+(people|staff|employees|ftes?|orgs?|organi[sz]ations?|offices?|agencies|states|partners|bureaus|regions|countries|tribes|companies|components)\.?$", "", text, flags=re.I)
    if text.startswith("$"):
        raise FigureError(f"{text!r} looks like money; give a number of people or organizations")
    try:
        value = parse_amount(text)
    except FigureError:
        raise FigureError(f"cannot read {text!r} as a number; write it in figures, like 35, 1,200 or 1.5k") from None
    if value is None:
        return None
    if abs(value - round(value)) > 1e-9:
        raise FigureError(f"{text!r} is not a whole number")
    return int(round(value))


def parse_year(text: str) -> int | None:
    """A year such as 2021 (1950-2100, the range the model accepts); "" -> None."""
    text = (text or "").strip()
    if not text:
        return None
    if not text.isdigit() or not 1950 <= int(text) <= 2100:
        raise FigureError(f"{text!r} is not a year such as 2021")
    return int(text)


def format_amount(value: float | None) -> str:
    """"$4.2M", "$850k", "$900": compact, for lists."""
    if value is None:
        return ""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= limit:
            number = f"{value / limit:.1f}".rstrip("0").rstrip(".")
            return f"${number}{suffix}"
    return f"${value:,.0f}"


def exact_amount(value: float | None) -> str:
    """The amount exactly, for editing ("$4,234,567"): a compact "$4.2M" would round it when saved back."""
    if value is None:
        return ""
    return "$" + f"{value:,.2f}".rstrip("0").rstrip(".")
