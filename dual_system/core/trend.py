"""Monthly trend of hidden dangers found and closed (the workspace's "dynamic zeroing"
over time): the months of a window and the two series, without a database."""

from __future__ import annotations

import datetime
from collections.abc import Iterable


def months_ending(as_of: datetime.date, count: int = 12) -> list[str]:
	"""The ``count`` calendar months up to and including the month of ``as_of``, as
	``YYYY-MM``, oldest first."""
	if count < 1:
		raise ValueError("count must be at least 1")
	index = as_of.year * 12 + as_of.month - 1
	return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]


def window(months: list[str]) -> tuple[datetime.date, datetime.date]:
	"""First day of the first month and first day after the last month."""
	first = datetime.date.fromisoformat(f"{months[0]}-01")
	year, month = (int(part) for part in months[-1].split("-"))
	after = datetime.date(year + month // 12, month % 12 + 1, 1)
	return first, after


def series(months: list[str], counts: Iterable[tuple[str, int]]) -> list[int]:
	"""Counts per month in the window's order, zero where a month has none; counts of
	months outside the window are ignored."""
	by_month = dict.fromkeys(months, 0)
	for month, count in counts:
		if month in by_month:
			by_month[month] += int(count or 0)
	return list(by_month.values())
