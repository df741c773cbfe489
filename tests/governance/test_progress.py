"""Where a measure stands against its target, as a table."""

import datetime
from decimal import Decimal as D

import pytest

from governance.measures.progress import Standing, measure_position

JAN, JUL, DEC = datetime.date(2026, 1, 1), datetime.date(2026, 7, 2), datetime.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "latest", "dates", "standing", "progress"),
    [
        # Lower is better: 21 days down to 10.
        ("lower", D(21), D(10), D(10), None, Standing.MET, 100),
        ("lower", D(21), D(10), D(8), None, Standing.MET, 118),
        ("lower", D(21), D(10), D(15), None, Standing.ON_TRACK, 55),
        ("lower", D(21), D(10), D(21), None, Standing.OFF_TRACK, 0),
        ("lower", D(21), D(10), D(25), None, Standing.OFF_TRACK, -36),
        # Higher is better: 40% up to 80%.
        ("higher", D(40), D(80), D(60), None, Standing.ON_TRACK, 50),
        ("higher", D(40), D(80), D(34), None, Standing.OFF_TRACK, -15),
        # With dates, on track means covering the distance at least as fast as the time.
        ("lower", D(21), D(10), D(15), (JAN, DEC, JUL), Standing.ON_TRACK, 55),
        ("lower", D(21), D(10), D(18), (JAN, DEC, JUL), Standing.OFF_TRACK, 27),
        ("higher", D(40), D(80), D(44), (JAN, DEC, JUL), Standing.OFF_TRACK, 10),
    ],
)
def test_the_latest_reading_against_target(direction, baseline, target, latest, dates, standing, progress):
    baseline_date, target_date, latest_on = dates or (None, None, None)

    position = measure_position(
        direction=direction,
        baseline=baseline,
        target=target,
        latest=latest,
        latest_on=latest_on,
        baseline_date=baseline_date,
        target_date=target_date,
    )

    assert (position.standing, position.progress_percent) == (standing, progress)


@pytest.mark.parametrize(
    ("direction", "target", "latest", "baseline", "reason"),
    [
        ("", D(10), D(12), D(20), "No direction set"),
        ("lower", D(10), None, D(20), "No readings yet"),
        ("lower", None, D(12), D(20), "No target set"),
        ("lower", D(10), D(12), None, "No baseline"),
    ],
)
def test_without_enough_data_it_says_what_is_missing(direction, target, latest, baseline, reason):
    position = measure_position(direction=direction, baseline=baseline, target=target, latest=latest)

    assert position.standing == Standing.UNKNOWN
    assert reason in position.reason


def test_the_expected_progress_is_the_share_of_time_gone():
    position = measure_position(
        direction="lower",
        baseline=D(20),
        target=D(10),
        latest=D(15),
        latest_on=JUL,
        baseline_date=JAN,
        target_date=DEC,
    )

    assert position.expected_percent == 50
