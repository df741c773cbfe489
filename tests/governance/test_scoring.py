import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from governance.risks.scoring import band_for, default_review_date, heat_map, risk_bands, risk_flags, score

TODAY = datetime.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("likelihood", "impact", "expected"),
    [(1, 1, 1), (1, 5, 5), (5, 1, 5), (3, 4, 12), (5, 5, 25)],
)
def test_a_score_is_likelihood_times_impact(likelihood, impact, expected):
    assert score(likelihood, impact) == expected


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (6, 1), (3, 0), (2, 6)])
def test_positions_off_the_five_point_scale_are_refused(likelihood, impact):
    with pytest.raises(ValueError, match="1 to 5"):
        score(likelihood, impact)


@pytest.mark.parametrize(
    ("risk_score", "band", "review_in_days"),
    [
        (1, "Low", 90),
        (4, "Low", 90),
        (5, "Medium", 60),
        (9, "Medium", 60),
        (10, "High", 30),
        (16, "High", 30),
        (20, "Very high", 14),
        (25, "Very high", 14),
    ],
)
def test_bands_and_review_dates_follow_the_score(risk_score, band, review_in_days):
    assert band_for(risk_score).name == band
    assert default_review_date(risk_score, TODAY) == TODAY + datetime.timedelta(days=review_in_days)


def test_the_higher_the_score_the_sooner_the_review():
    dates = [default_review_date(s, TODAY) for s in range(1, 26)]

    assert dates == sorted(dates, reverse=True)


def test_bands_are_configurable(settings):
    settings.RISK_BANDS = [
        {"name": "Tolerable", "max_score": 12, "review_days": 120, "colour": "green"},
        {"name": "Intolerable", "max_score": 25, "review_days": 7, "colour": "red"},
    ]

    assert band_for(12).name == "Tolerable"
    assert band_for(15).name == "Intolerable"


@pytest.mark.parametrize(
    "bands",
    [
        [],
        [{"name": "All", "max_score": 20, "review_days": 30, "colour": "red"}],
        [
            {"name": "B", "max_score": 25, "review_days": 1, "colour": "red"},
            {"name": "A", "max_score": 9, "review_days": 9, "colour": "green"},
        ],
        [{"name": "Missing keys", "max_score": 25}],
    ],
)
def test_badly_configured_bands_name_the_setting(settings, bands):
    settings.RISK_BANDS = bands

    with pytest.raises(ImproperlyConfigured, match="RISK_BANDS"):
        risk_bands()


@pytest.mark.parametrize(
    ("current", "threshold", "has_owner", "review_date", "expected"),
    [
        (16, 15, True, TODAY, (True, False, False)),
        (15, 15, True, TODAY, (False, False, False)),
        (4, 15, False, TODAY, (False, True, False)),
        (4, 15, True, TODAY - datetime.timedelta(days=1), (False, False, True)),
        (25, 10, False, TODAY - datetime.timedelta(days=30), (True, True, True)),
    ],
)
def test_risk_flags(current, threshold, has_owner, review_date, expected):
    flags = risk_flags(
        current_score=current,
        escalation_threshold=threshold,
        has_owner=has_owner,
        review_date=review_date,
        today=TODAY,
    )

    assert (flags.above_threshold, flags.no_owner, flags.review_overdue) == expected
    assert flags.any is any(expected)


def test_the_heat_map_counts_risks_with_impact_five_on_the_top_row():
    grid = heat_map([(5, 5), (5, 5), (1, 1), (2, 4)])

    assert [cell.impact for cell in (row[0] for row in grid)] == [5, 4, 3, 2, 1]
    assert grid[0][4].count == 2 and grid[0][4].score == 25
    assert grid[4][0].count == 1 and grid[4][0].band.name == "Low"
    assert grid[1][1].count == 1  # likelihood 2, impact 4
    assert sum(cell.count for row in grid for cell in row) == 4
