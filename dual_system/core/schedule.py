"""Due slots of an investigation cycle (DOMAIN.md §1.5, §6.1): pure arithmetic, no database.

A cycle is ``interval`` × unit (hour, day, week, month, year) counted from the plan's
start date, with a work-day type (every day, working days, non-working days) and, for
hourly cycles, work hours:

- **Hour**: on each allowed day, slots at work start, work start + n h, … before work
  end (00:00–24:00 without work hours); a slot's window ends at the next slot or at
  work end, whichever is first. Days restart at work start, so a 5-hour cycle does not
  drift across days.
- **Day**: every n-th day from the start date, at work start (00:00 without); a day
  that is not allowed is skipped.
- **Week / Month / Year**: every n-th period from the start date (months keep the start
  date's day, clamped to the month's end: 31 Jan → 28 Feb → 31 Mar); a slot that falls
  on a day that is not allowed moves to the first allowed day of its window, and is
  skipped when its window holds none.

A slot's window ends where the next nominal slot begins. Working days are the days not
in ``holidays`` (an ERPNext Holiday List holds weekly offs and public holidays); with no
holiday set at all, Saturday and Sunday are the non-working days.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

HOUR, DAY, WEEK, MONTH, YEAR = "Hour", "Day", "Week", "Month", "Year"
UNITS = (HOUR, DAY, WEEK, MONTH, YEAR)
EVERY_DAY, WORKING_DAYS, NON_WORKING_DAYS = "Every Day", "Working Days", "Non-working Days"
WORK_DAY_TYPES = (EVERY_DAY, WORKING_DAYS, NON_WORKING_DAYS)

# national export codes (DOMAIN.md §1.5): work-day type and cycle unit
WORK_DAY_TYPE_CODES = {EVERY_DAY: 0, WORKING_DAYS: 1, NON_WORKING_DAYS: 2}

MIDNIGHT = datetime.time(0, 0)


class ScheduleError(ValueError):
	"""A cycle or period that cannot produce slots; ``code`` names the rule."""

	def __init__(self, code: str, message: str):
		super().__init__(message)
		self.code = code


@dataclass(frozen=True)
class Cycle:
	interval: int
	unit: str
	work_day_type: str = EVERY_DAY
	work_start: datetime.time | None = None
	work_end: datetime.time | None = None  # None: end of day (24:00)


@dataclass(frozen=True)
class Slot:
	start: datetime.datetime
	window_end: datetime.datetime


def validate_cycle(cycle: Cycle) -> None:
	if isinstance(cycle.interval, bool) or not isinstance(cycle.interval, int) or cycle.interval <= 0:
		raise ScheduleError("interval", "the cycle interval must be a whole number greater than 0")
	if cycle.unit not in UNITS:
		raise ScheduleError("unit", f"unknown cycle unit {cycle.unit!r}")
	if cycle.work_day_type not in WORK_DAY_TYPES:
		raise ScheduleError("work_day_type", f"unknown work-day type {cycle.work_day_type!r}")
	if cycle.work_start and cycle.work_end and cycle.work_end <= cycle.work_start:
		raise ScheduleError("work_hours", "work end must be after work start")


def validate_period(start: datetime.datetime, end: datetime.datetime) -> None:
	if end < start:
		raise ScheduleError("period", "the end of the period is before its start")


def is_allowed(day: datetime.date, work_day_type: str, holidays: frozenset | None) -> bool:
	if work_day_type == EVERY_DAY:
		return True
	off = day in holidays if holidays is not None else day.weekday() >= 5
	return off if work_day_type == NON_WORKING_DAYS else not off


def due_slots(
	cycle: Cycle,
	anchor: datetime.date,
	start: datetime.datetime,
	end: datetime.datetime,
	holidays: Iterable[datetime.date] | None = None,
) -> list[Slot]:
	"""Slots whose start lies in ``[start, end)``, for a cycle counted from ``anchor``."""
	return list(iter_slots(cycle, anchor, start, end, holidays))


def iter_slots(
	cycle: Cycle,
	anchor: datetime.date,
	start: datetime.datetime,
	end: datetime.datetime,
	holidays: Iterable[datetime.date] | None = None,
) -> Iterator[Slot]:
	validate_cycle(cycle)
	validate_period(start, end)
	off = frozenset(holidays) if holidays is not None else None
	begin = max(start, datetime.datetime.combine(anchor, MIDNIGHT))
	if cycle.unit == HOUR:
		slots = _hourly(cycle, begin.date(), end)
	elif cycle.unit == DAY:
		slots = _fixed(cycle, anchor, datetime.timedelta(days=cycle.interval), begin)
	elif cycle.unit == WEEK:
		slots = _fixed(cycle, anchor, datetime.timedelta(weeks=cycle.interval), begin)
	else:
		slots = _calendar(cycle, anchor, begin)
	for slot in slots:
		if slot.start >= end:
			return
		if cycle.unit in (HOUR, DAY):
			if slot.start >= begin and is_allowed(slot.start.date(), cycle.work_day_type, off):
				yield slot
			continue
		moved = _first_allowed(slot, cycle.work_day_type, off)
		if moved is not None and moved.start < end and moved.start >= begin:
			yield moved


def _day_bounds(cycle: Cycle, day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
	opens = datetime.datetime.combine(day, cycle.work_start or MIDNIGHT)
	closes = (
		datetime.datetime.combine(day, cycle.work_end)
		if cycle.work_end
		else datetime.datetime.combine(day + datetime.timedelta(days=1), MIDNIGHT)
	)
	return opens, closes


def _hourly(cycle: Cycle, first_day: datetime.date, end: datetime.datetime) -> Iterator[Slot]:
	step = datetime.timedelta(hours=cycle.interval)
	day = first_day
	while datetime.datetime.combine(day, MIDNIGHT) < end:
		opens, closes = _day_bounds(cycle, day)
		at = opens
		while at < closes:
			yield Slot(at, min(at + step, closes))
			at += step
		day += datetime.timedelta(days=1)


def _fixed(cycle: Cycle, anchor: datetime.date, step: datetime.timedelta, begin: datetime.datetime):
	first = datetime.datetime.combine(anchor, cycle.work_start or MIDNIGHT)
	k = max(0, (begin - first) // step - 1) if begin > first else 0
	while True:
		at = first + k * step
		yield Slot(at, at + step)
		k += 1


def _calendar(cycle: Cycle, anchor: datetime.date, begin: datetime.datetime):
	months = cycle.interval * (12 if cycle.unit == YEAR else 1)
	first = datetime.datetime.combine(anchor, cycle.work_start or MIDNIGHT)
	elapsed = (begin.year - first.year) * 12 + begin.month - first.month
	k = max(0, elapsed // months - 1)
	while True:
		# always from the anchor, so 31 Jan → 28 Feb → 31 Mar (not 28 Mar)
		at = first + relativedelta(months=k * months)
		yield Slot(at, first + relativedelta(months=(k + 1) * months))
		k += 1


def _first_allowed(slot: Slot, work_day_type: str, off: frozenset | None) -> Slot | None:
	at = slot.start
	while at < slot.window_end:
		if is_allowed(at.date(), work_day_type, off):
			return Slot(at, slot.window_end)
		at = datetime.datetime.combine(at.date() + datetime.timedelta(days=1), MIDNIGHT)
	return None


def slot_count_per_day(cycle: Cycle) -> float:
	"""Roughly how many slots a cycle makes per day (sizing batches, the benchmark)."""
	if cycle.unit == HOUR:
		opens, closes = _day_bounds(cycle, datetime.date(2000, 1, 3))
		return max(1, -(-int((closes - opens).total_seconds() // 3600) // cycle.interval))
	days = {DAY: 1, WEEK: 7, MONTH: 30, YEAR: 365}[cycle.unit]
	return 1 / (days * cycle.interval)


# --- task states ---------------------------------------------------------------------------
OPEN, DONE, OVERDUE, MISSED = "Open", "Done", "Overdue", "Missed"
MAX_GRACE = datetime.timedelta(hours=24)


def grace_end(slot_start: datetime.datetime, window_end: datetime.datetime) -> datetime.datetime:
	"""Until when a task whose window passed may still be answered (late): one more
	window length, at most 24 hours."""
	return window_end + min(window_end - slot_start, MAX_GRACE)


def unanswered_state(
	now: datetime.datetime, slot_start: datetime.datetime, window_end: datetime.datetime
) -> str:
	"""The state of a task not answered yet: open in its window, overdue in the grace
	period after it (still answerable, counted late), missed after that."""
	if now < window_end:
		return OPEN
	if now < grace_end(slot_start, window_end):
		return OVERDUE
	return MISSED


def task_name(plan: str, slot_start: datetime.datetime) -> str:
	"""The task of a plan and slot has one name, so a second insert of it is a duplicate."""
	return f"{plan}-{slot_start:%Y%m%d%H%M}"
