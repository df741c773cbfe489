"""The RACI rules as a table: plain data in, errors and warnings out, no database."""

import pytest

from governance.raci.validation import Column, Row, check_matrix

DWP, HMRC, MCC = Column("DWP", "DWP"), Column("HMRC", "HMRC"), Column("MCC", "MCC")
THREE = [DWP, HMRC, MCC]


def check(values: list[str], columns=THREE, bodies=()):
    """One row per string, one letter per column; "-" is an empty cell."""
    rows = [Row(f"Row {i}", [v if v != "-" else "" for v in letters]) for i, letters in enumerate(values)]
    return check_matrix(columns=columns, rows=rows, bodies=bodies)


@pytest.mark.parametrize(
    ("letters", "errors"),
    [
        ("ARC", []),
        ("AR-", []),
        ("ARR", []),
        ("RAI", []),
        ("AAR", ["has 2 As (DWP and HMRC): choose exactly one accountable"]),
        ("AAA", ["has 3 As (DWP, HMRC and MCC)", "Choose at least one responsible (R)"]),
        ("RRC", ["Choose who is accountable (A)"]),
        ("---", ["Choose who is accountable (A)", "Choose at least one responsible (R)"]),
        ("ACI", ["Choose at least one responsible (R)"]),
        ("RRR", ["Choose who is accountable (A)"]),
    ],
)
def test_each_row_needs_exactly_one_a_and_at_least_one_r(letters, errors):
    result = check([letters])

    found = result.row_errors.get(0, [])
    assert len(found) == len(errors)
    for message, expected in zip(found, errors, strict=True):
        assert expected in message
    assert result.is_valid is (not errors)


def test_errors_name_the_row_and_only_failing_rows_are_listed():
    result = check(["ARC", "RRC", "ARI", "AAR"])

    assert result.failing_rows == [1, 3]
    assert "“Row 1”" in result.row_errors[1][0]
    assert 0 not in result.row_errors


@pytest.mark.parametrize(
    ("columns", "rows", "bodies", "idle"),
    [
        ([DWP, HMRC, MCC], ["ARI", "RAI"], (), ["MCC"]),
        ([DWP, HMRC, MCC], ["ARI", "RAR"], (), []),
        # A body taking part with no column at all has nothing to do either.
        ([DWP, HMRC], ["AR"], ("DWP", "HMRC", "HMPO"), ["HMPO"]),
        # Roles within one body count for the body: DWP's SRO column is A, so DWP is busy.
        ([Column("DWP — SRO", "DWP"), Column("DWP — Team", "DWP"), HMRC], ["A-R", "AR-"], (), []),
        ([Column("DWP — SRO", "DWP"), Column("DWP — Team", "DWP"), HMRC], ["AR-"], (), ["HMRC"]),
    ],
)
def test_a_body_with_no_r_or_a_anywhere_is_a_warning_not_an_error(columns, rows, bodies, idle):
    result = check(rows, columns=columns, bodies=bodies)

    assert [w.split(" is not")[0] for w in result.warnings] == idle
    assert result.is_valid


@pytest.mark.parametrize(
    ("letters", "warned"),
    [
        ("ARCCC", True),
        ("ARCCI", False),
        ("ARCII", False),
        ("ACCCC", True),
    ],
)
def test_a_row_where_most_bodies_are_only_consulted_is_a_warning(letters, warned):
    columns = [Column(name, name) for name in ("DWP", "HMRC", "MCC", "HMPO", "NHSE")]

    result = check([letters], columns=columns)

    assert (0 in result.row_warnings) is warned
    if warned:
        assert "Most bodies are only consulted on “Row 0”" in result.all_warnings[0]


def test_an_empty_matrix_has_nothing_to_say():
    result = check([])

    assert result.is_valid
    assert result.all_warnings == []


def test_a_row_of_the_wrong_width_is_a_programming_error():
    with pytest.raises(ValueError, match="2 values for 3 columns"):
        check_matrix(columns=THREE, rows=[Row("Short", ["A", "R"])])
