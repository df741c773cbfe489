import pytest

from collab.csv_export import csv_response, neutralise


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Plain text", "Plain text"),
        ("a=b", "a=b"),
        (None, ""),
        (42, "42"),
    ],
)
def test_cells_that_spreadsheets_would_run_as_formulas_are_neutralised(value, expected):
    assert neutralise(value) == expected


def test_a_download_is_utf8_csv_with_every_cell_neutralised():
    response = csv_response("risks.csv", ["Title", "Owner"], [["=cmd|' /C calc'!A0", "Siân"]])

    body = response.content.decode("utf-8-sig")
    assert response["Content-Disposition"] == 'attachment; filename="risks.csv"'
    assert body.splitlines() == ["Title,Owner", "'=cmd|' /C calc'!A0,Siân"]
