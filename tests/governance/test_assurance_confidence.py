"""Delivery confidence scales and follow-up dates: pure functions, tested as tables."""

import datetime

import pytest

from governance.assurance.confidence import fits_scale, follow_up_due, months_after, scale_mismatch_message


@pytest.mark.parametrize(
    ("scale", "confidence", "fits"),
    [
        ("three_point", "green", True),
        ("three_point", "amber", True),
        ("three_point", "red", True),
        ("three_point", "amber_green", False),
        ("three_point", "amber_red", False),
        ("five_point", "green", True),
        ("five_point", "amber_green", True),
        ("five_point", "amber", True),
        ("five_point", "amber_red", True),
        ("five_point", "red", True),
        ("five_point", "purple", False),
        ("seven_point", "green", False),
    ],
)
def test_a_confidence_fits_only_the_scales_that_offer_it(scale, confidence, fits):
    assert fits_scale(scale, confidence) is fits


def test_the_mismatch_message_says_how_to_put_it_right():
    assert scale_mismatch_message("three_point", "amber_red") == (
        "Amber/Red is only on the five-point scale. Choose Green, Amber or Red, "
        "or choose the five-point scale for an earlier review"
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 3, 15), 3, datetime.date(2026, 6, 15)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 11, 30), 3, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 10, 1), 12, datetime.date(2027, 10, 1)),
    ],
)
def test_months_after_keeps_the_day_or_takes_the_last_day_of_a_shorter_month(day, months, expected):
    assert months_after(day, months) == expected


@pytest.mark.parametrize(
    ("confidence", "requested", "expected"),
    [
        ("red", None, datetime.date(2026, 8, 1)),
        ("red", datetime.date(2026, 6, 1), datetime.date(2026, 6, 1)),
        ("amber", None, None),
        ("amber", datetime.date(2026, 6, 1), datetime.date(2026, 6, 1)),
        ("green", None, None),
    ],
)
def test_a_red_result_schedules_a_follow_up_unless_another_date_is_given(confidence, requested, expected):
    review_date = datetime.date(2026, 5, 1)

    assert (
        follow_up_due(confidence=confidence, review_date=review_date, requested=requested, months=3)
        == expected
    )
