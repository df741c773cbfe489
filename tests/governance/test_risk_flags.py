"""Flags as the register and the overview count them, as tables."""

import datetime

import pytest

from governance.health.checks import count_risk_flags
from governance.models import Risk
from governance.risks.presenters import build_heat_map, flags_for
from tests.governance.register_factories import RiskFactory

TODAY = datetime.date(2026, 11, 24)
YESTERDAY = TODAY - datetime.timedelta(days=1)


def risk(status="open", likelihood=3, impact=3, threshold=15, owned=True, review_date=TODAY) -> dict:
    return {
        "status": status,
        "current_likelihood": likelihood,
        "current_impact": impact,
        "escalation_threshold": threshold,
        "owned": owned,
        "review_date": review_date,
    }


def stored(world, owned: bool, **fields) -> Risk:
    return RiskFactory(
        initiative=world.initiative, owner=world.programme_manager if owned else None, **fields
    )


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (risk(), (False, False, False)),
        (risk(likelihood=4, impact=4), (True, False, False)),
        (risk(likelihood=4, impact=4, threshold=16), (False, False, False)),
        (risk(owned=False), (False, True, False)),
        (risk(review_date=YESTERDAY), (False, False, True)),
        # A draft is not assessed: only its want of an owner is flagged, whatever it holds.
        (
            risk(status="draft", likelihood=5, impact=5, owned=False, review_date=YESTERDAY),
            (False, True, False),
        ),
        (
            risk(status="closed", likelihood=5, impact=5, owned=False, review_date=YESTERDAY),
            (False, False, False),
        ),
    ],
)
def test_a_closed_risk_raises_no_flags_and_a_draft_only_the_missing_owner(world, record, expected):
    record = Risk.objects.with_flags(today=TODAY).get(pk=stored(world, **record).pk)

    flags = flags_for(record)

    assert (flags.above_threshold, flags.no_owner, flags.review_overdue) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], (0, 0, 0)),
        ([(5, 4, 15, 1, TODAY), (3, 3, 15, None, YESTERDAY)], (1, 1, 1)),
        ([(5, 5, 10, None, YESTERDAY)] * 3, (3, 3, 3)),
    ],
)
def test_the_overview_counts_each_kind_of_flag(rows, expected):
    counts = count_risk_flags(rows, TODAY)

    assert (counts.above_threshold, counts.no_owner, counts.review_overdue) == expected
    assert counts.total == sum(expected)


def test_the_heat_map_plots_open_risks_and_marks_cells_with_risks_above_threshold(world):
    for record in [
        risk(likelihood=5, impact=4),
        risk(likelihood=5, impact=4, threshold=20),
        risk(status="draft"),
    ]:
        stored(world, **record)

    heat_map = build_heat_map(Risk.objects.filter(initiative=world.initiative), TODAY)

    cell = heat_map.rows[1].cells[4]  # impact 4, likelihood 5
    assert (cell.count, cell.above_threshold, cell.score, cell.band.name) == (2, 1, 20, "Very high")
    assert heat_map.plotted == 2
