"""Whether bodies mean the same thing by a term, as tables."""

import pytest

from governance.glossary.meanings import effective_status, meanings_differ


@pytest.mark.parametrize(
    ("meanings", "differ"),
    [
        ([], False),
        (["A claimant"], False),
        (["A claimant", "a  claimant."], False),
        (["A claimant", "  A CLAIMANT\n"], False),
        (["A claimant", ""], False),
        (["A claimant", "A taxpayer"], True),
    ],
)
def test_meanings_differ_only_in_substance(meanings, differ):
    assert meanings_differ(meanings) is differ


@pytest.mark.parametrize(
    ("status", "meanings", "shown"),
    [
        ("proposed", ["A", "A"], "proposed"),
        ("proposed", ["A", "B"], "disputed"),
        ("disputed", ["A", "A"], "disputed"),
        ("agreed", ["A", "B"], "agreed"),
        ("proposed", [], "proposed"),
    ],
)
def test_differing_meanings_make_a_term_disputed_unless_it_is_agreed(status, meanings, shown):
    assert effective_status(status, meanings) == shown
