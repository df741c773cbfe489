import datetime
from decimal import Decimal

from governance.measures.charts import trend_chart


def d(day):
    return datetime.date(2026, 1, day)


def test_readings_run_left_to_right_in_date_order_whatever_order_they_come_in():
    chart = trend_chart([(d(20), Decimal(5)), (d(1), Decimal(10)), (d(10), Decimal(7))])

    assert [p.label for p in chart.points] == ["1 Jan 2026", "10 Jan 2026", "20 Jan 2026"]
    assert [p.x for p in chart.points] == sorted(p.x for p in chart.points)
    assert chart.points[0].x == chart.plot_left and chart.points[-1].x == chart.plot_right


def test_higher_values_sit_higher_on_the_chart():
    chart = trend_chart([(d(1), Decimal(10)), (d(2), Decimal(20))])

    assert chart.points[1].y < chart.points[0].y


def test_target_and_baseline_are_inside_the_plot_even_beyond_the_readings():
    chart = trend_chart([(d(1), Decimal(10))], target=Decimal(2), baseline=Decimal(40))

    assert chart.plot_top <= chart.baseline_y < chart.target_y <= chart.plot_bottom


def test_a_chart_with_no_readings_is_empty_but_drawable():
    chart = trend_chart([])

    assert chart.is_empty and chart.polyline == ""
    assert len(chart.y_ticks) == 5


def test_a_single_reading_sits_in_the_middle():
    chart = trend_chart([(d(1), Decimal(3))])

    assert chart.points[0].x == (chart.plot_left + chart.plot_right) / 2
