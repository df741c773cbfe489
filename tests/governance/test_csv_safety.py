"""Formula injection: cells a spreadsheet would run as formulas are written as text."""

from decimal import Decimal

import pytest

from governance.csv_safety import csv_text, neutralise_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Approve the business case", "Approve the business case"),
        ("A", "A"),
        ("", ""),
        (None, ""),
        ("Cost = £4m", "Cost = £4m"),
        (-5, "-5"),
        (Decimal("-2.50"), "-2.50"),
        (3.5, "3.5"),
    ],
)
def test_text_that_starts_like_a_formula_gets_a_leading_apostrophe(value, written):
    assert neutralise_cell(value) == written


def test_csv_text_neutralises_every_cell_and_quotes_as_csv_does():
    text = csv_text([["Activity", "DWP"], ['=cmd|"/c calc"!A1', "A"], ["Own, and report", "R"]])

    assert text.splitlines() == ["Activity,DWP", '"\'=cmd|""/c calc""!A1",A', '"Own, and report",R']
