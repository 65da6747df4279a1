"""Monthly trend windows and series on tables. No database."""

import datetime

import pytest

from dual_system.core.trend import months_ending, series, window


@pytest.mark.parametrize(
	"as_of, count, expected",
	[
		("2026-03-31", 3, ["2026-01", "2026-02", "2026-03"]),
		("2026-01-01", 2, ["2025-12", "2026-01"]),
		("2026-12-15", 1, ["2026-12"]),
		("2019-03-31", 12, [f"2018-{m:02d}" for m in range(4, 13)] + ["2019-01", "2019-02", "2019-03"]),
	],
)
def test_months_ending(as_of, count, expected):
	assert months_ending(datetime.date.fromisoformat(as_of), count) == expected


def test_a_window_needs_a_month():
	with pytest.raises(ValueError):
		months_ending(datetime.date(2026, 1, 1), 0)


@pytest.mark.parametrize(
	"months, expected",
	[
		(["2026-01", "2026-02"], (datetime.date(2026, 1, 1), datetime.date(2026, 3, 1))),
		(["2025-11", "2025-12"], (datetime.date(2025, 11, 1), datetime.date(2026, 1, 1))),
	],
)
def test_window(months, expected):
	assert window(months) == expected


def test_series_fills_zeros_and_ignores_other_months():
	months = ["2026-01", "2026-02", "2026-03"]
	counts = [("2026-03", 4), ("2025-12", 9), ("2026-01", 2), ("2026-01", 1), ("2026-02", None)]
	assert series(months, counts) == [3, 0, 4]
