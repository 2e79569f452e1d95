"""Figures as people type them: money and counts."""

import pytest
from hypothesis import given, strategies as st

from ecqtui.core.figures import FigureError, format_amount, parse_amount, parse_count


@pytest.mark.parametrize(
    "text, value",
    [("$4.2M", 4_200_000), ("850k", 850_000), ("1,200,000", 1_200_000), ("$38M", 38_000_000),
     ("2.5 billion", 2_500_000_000), ("$ 900", 900), ("0", 0), (".5M", 500_000), ("12", 12)],
)
def test_amounts(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["four million", "$4.2X", "1,20,000", "-5", "4.2.1", "$", "k"])
def test_unreadable_amounts_say_how(text):
    with pytest.raises(FigureError, match="write it like|unknown unit"):
        parse_amount(text)


def test_blank_is_none():
    assert parse_amount("  ") is None and parse_count("") is None


def test_counts():
    assert parse_count("1,200") == 1200
    assert parse_count("142 staff") == 142
    assert parse_count("1.5k") == 1500
    with pytest.raises(FigureError):
        parse_count("2.5")
    with pytest.raises(FigureError):
        parse_count("$40")


@given(st.integers(min_value=0, max_value=10**12))
def test_any_whole_number_reads_back_with_or_without_commas(n):
    assert parse_amount(f"{n:,}") == n
    assert parse_amount(f"${n}") == n
    assert parse_count(f"{n:,}") == n


@given(st.integers(min_value=0, max_value=999_999), st.sampled_from([("k", 1e3), ("M", 1e6), ("B", 1e9)]))
def test_suffixes_multiply(tenths, unit):
    suffix, factor = unit
    text = f"{tenths / 10:g}{suffix}"
    assert parse_amount(text) == pytest.approx(tenths / 10 * factor)


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_formatted_amounts_parse_to_the_same_order_of_magnitude(value):
    again = parse_amount(format_amount(value))
    assert again == pytest.approx(value, rel=0.06, abs=1)


def test_exact_amount_reads_back_to_the_same_value():
    from ecqtui.core.figures import exact_amount

    for value in (4_234_567.0, 850_000.0, 1234.5, 0.0):
        assert parse_amount(exact_amount(value)) == value
    assert exact_amount(None) == ""
