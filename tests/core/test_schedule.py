"""Investigation cycles as tables: which slots fall due between two instants (no site)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from dual_system.core.schedule import (
	DAY,
	EVERY_DAY,
	HOUR,
	MONTH,
	NON_WORKING_DAYS,
	WEEK,
	WORKING_DAYS,
	YEAR,
	Cycle,
	ScheduleError,
	due_slots,
	task_name,
	unanswered_state,
)

T = dt.time
D = dt.date


def at(s: str) -> dt.datetime:
	return dt.datetime.fromisoformat(s)


def starts(cycle, anchor, start, end, holidays=None):
	return [
		s.start.isoformat(sep=" ", timespec="minutes")
		for s in due_slots(cycle, anchor, at(start), at(end), holidays)
	]


# 2026-12-05/06 is a weekend; 2026-12-07 a Monday
HOLIDAYS = {D(2026, 12, 5), D(2026, 12, 6), D(2026, 12, 8)}  # a holiday on Tuesday the 8th


@pytest.mark.parametrize(
	"cycle,anchor,start,end,holidays,expected",
	[
		# every 2 h within work hours 08:00-16:00
		(
			Cycle(2, HOUR, work_start=T(8), work_end=T(16)),
			D(2026, 12, 1),
			"2026-12-01 00:00",
			"2026-12-02 00:00",
			None,
			["2026-12-01 08:00", "2026-12-01 10:00", "2026-12-01 12:00", "2026-12-01 14:00"],
		),
		# a 5 h cycle restarts each day at work start (no drift)
		(
			Cycle(5, HOUR, work_start=T(8), work_end=T(18)),
			D(2026, 12, 1),
			"2026-12-01 00:00",
			"2026-12-03 00:00",
			None,
			["2026-12-01 08:00", "2026-12-01 13:00", "2026-12-02 08:00", "2026-12-02 13:00"],
		),
		# hourly round the clock, only the part of the period asked for
		(
			Cycle(6, HOUR),
			D(2026, 12, 1),
			"2026-12-01 07:00",
			"2026-12-01 19:00",
			None,
			["2026-12-01 12:00", "2026-12-01 18:00"],
		),
		# hourly, working days per a holiday list: nothing on Sat 5th, Sun 6th, Tue 8th
		(
			Cycle(4, HOUR, WORKING_DAYS, T(8), T(12)),
			D(2026, 12, 1),
			"2026-12-04 00:00",
			"2026-12-09 00:00",
			HOLIDAYS,
			["2026-12-04 08:00", "2026-12-07 08:00"],
		),
		# daily, every day
		(
			Cycle(1, DAY),
			D(2026, 12, 1),
			"2026-12-04 00:00",
			"2026-12-07 00:00",
			None,
			["2026-12-04 00:00", "2026-12-05 00:00", "2026-12-06 00:00"],
		),
		# daily at work start, working days per the holiday list
		(
			Cycle(1, DAY, WORKING_DAYS, T(9)),
			D(2026, 12, 1),
			"2026-12-04 00:00",
			"2026-12-10 00:00",
			HOLIDAYS,
			["2026-12-04 09:00", "2026-12-07 09:00", "2026-12-09 09:00"],
		),
		# daily, non-working days only
		(
			Cycle(1, DAY, NON_WORKING_DAYS),
			D(2026, 12, 1),
			"2026-12-01 00:00",
			"2026-12-10 00:00",
			HOLIDAYS,
			["2026-12-05 00:00", "2026-12-06 00:00", "2026-12-08 00:00"],
		),
		# working days without a holiday list: Monday to Friday
		(
			Cycle(1, DAY, WORKING_DAYS),
			D(2026, 12, 4),
			"2026-12-04 00:00",
			"2026-12-08 00:00",
			None,
			["2026-12-04 00:00", "2026-12-07 00:00"],
		),
		# every 3 days counted from the start date, not from the period
		(
			Cycle(3, DAY),
			D(2026, 12, 1),
			"2026-12-05 00:00",
			"2026-12-12 00:00",
			None,
			["2026-12-07 00:00", "2026-12-10 00:00"],
		),
		# nothing before the start date
		(
			Cycle(1, DAY),
			D(2026, 12, 3),
			"2026-12-01 00:00",
			"2026-12-05 00:00",
			None,
			["2026-12-03 00:00", "2026-12-04 00:00"],
		),
		# weekly from Saturday 28 Nov; working days per the list (which holds only 5, 6 and 8
		# December): the 5 Dec slot moves to Mon 7th, later Saturdays are working days
		(
			Cycle(1, WEEK, WORKING_DAYS),
			D(2026, 11, 28),
			"2026-12-01 00:00",
			"2026-12-20 00:00",
			HOLIDAYS,
			["2026-12-07 00:00", "2026-12-12 00:00", "2026-12-19 00:00"],
		),
		# weekly, fortnightly
		(
			Cycle(2, WEEK),
			D(2026, 11, 2),
			"2026-11-01 00:00",
			"2026-12-31 00:00",
			None,
			[
				"2026-11-02 00:00",
				"2026-11-16 00:00",
				"2026-11-30 00:00",
				"2026-12-14 00:00",
				"2026-12-28 00:00",
			],
		),
		# month ends: 31 Jan → 28 Feb → 31 Mar → 30 Apr (always from the start date)
		(
			Cycle(1, MONTH),
			D(2026, 1, 31),
			"2026-01-01 00:00",
			"2026-05-01 00:00",
			None,
			["2026-01-31 00:00", "2026-02-28 00:00", "2026-03-31 00:00", "2026-04-30 00:00"],
		),
		# leap year February
		(
			Cycle(1, MONTH),
			D(2027, 12, 31),
			"2028-02-01 00:00",
			"2028-03-01 00:00",
			None,
			["2028-02-29 00:00"],
		),
		# quarterly
		(
			Cycle(3, MONTH),
			D(2026, 1, 15),
			"2026-01-01 00:00",
			"2027-01-01 00:00",
			None,
			["2026-01-15 00:00", "2026-04-15 00:00", "2026-07-15 00:00", "2026-10-15 00:00"],
		),
		# monthly on working days: 1 Aug 2026 is a Saturday → Monday 3 Aug
		(
			Cycle(1, MONTH, WORKING_DAYS),
			D(2026, 6, 1),
			"2026-07-01 00:00",
			"2026-09-01 00:00",
			None,
			["2026-07-01 00:00", "2026-08-03 00:00"],
		),
		# yearly on 29 Feb falls on 28 Feb in common years
		(
			Cycle(1, YEAR),
			D(2024, 2, 29),
			"2025-01-01 00:00",
			"2029-01-01 00:00",
			None,
			["2025-02-28 00:00", "2026-02-28 00:00", "2027-02-28 00:00", "2028-02-29 00:00"],
		),
		# an empty period yields nothing
		(Cycle(1, DAY), D(2026, 1, 1), "2026-03-01 00:00", "2026-03-01 00:00", None, []),
	],
)
def test_due_slots(cycle, anchor, start, end, holidays, expected):
	assert starts(cycle, anchor, start, end, holidays) == expected


def test_a_window_ends_where_the_next_slot_begins_or_at_work_end():
	slots = due_slots(
		Cycle(3, HOUR, work_start=T(8), work_end=T(16)),
		D(2026, 12, 1),
		at("2026-12-01 00:00"),
		at("2026-12-02 00:00"),
	)
	assert [(s.start.hour, s.window_end.hour) for s in slots] == [(8, 11), (11, 14), (14, 16)]
	month = due_slots(Cycle(1, MONTH), D(2026, 1, 31), at("2026-02-01 00:00"), at("2026-03-01 00:00"))
	assert month[0].window_end == at("2026-03-31 00:00")


def test_a_moved_slot_keeps_its_window_and_a_window_without_an_allowed_day_is_skipped():
	weekend_only = {D(2026, 12, 5), D(2026, 12, 6)}
	# a daily-length window (1 week) that is entirely working days, asked for non-working days
	slots = due_slots(
		Cycle(1, WEEK, NON_WORKING_DAYS),
		D(2026, 11, 30),
		at("2026-11-30 00:00"),
		at("2026-12-14 00:00"),
		weekend_only,
	)
	assert [s.start.date() for s in slots] == [D(2026, 12, 5)]
	assert slots[0].window_end == at("2026-12-07 00:00")


def test_consecutive_periods_give_the_same_slots_as_one_long_period():
	cycle = Cycle(1, WEEK, WORKING_DAYS)
	whole = due_slots(cycle, D(2026, 11, 28), at("2026-11-28 00:00"), at("2027-01-31 00:00"), HOLIDAYS)
	parts = []
	edges = ["2026-11-28", "2026-12-06", "2026-12-07 12:00", "2027-01-01", "2027-01-31"]
	for a, b in itertools.pairwise(edges):
		parts += due_slots(cycle, D(2026, 11, 28), at(a), at(b), HOLIDAYS)
	assert parts == whole


@pytest.mark.parametrize(
	"cycle,start,end,code",
	[
		(Cycle(0, DAY), "2026-01-01", "2026-01-02", "interval"),
		(Cycle(-2, HOUR), "2026-01-01", "2026-01-02", "interval"),
		(Cycle(True, DAY), "2026-01-01", "2026-01-02", "interval"),
		(Cycle(1.5, DAY), "2026-01-01", "2026-01-02", "interval"),
		(Cycle(1, "Fortnight"), "2026-01-01", "2026-01-02", "unit"),
		(Cycle(1, DAY, "Sometimes"), "2026-01-01", "2026-01-02", "work_day_type"),
		(Cycle(1, HOUR, EVERY_DAY, T(16), T(8)), "2026-01-01", "2026-01-02", "work_hours"),
		(Cycle(1, HOUR, EVERY_DAY, T(8), T(8)), "2026-01-01", "2026-01-02", "work_hours"),
		(Cycle(1, DAY), "2026-01-02", "2026-01-01", "period"),
	],
)
def test_invalid_cycles_and_periods_are_refused(cycle, start, end, code):
	with pytest.raises(ScheduleError) as raised:
		due_slots(cycle, D(2026, 1, 1), at(start), at(end))
	assert raised.value.code == code


@pytest.mark.parametrize(
	"now,state",
	[
		("2026-12-01 08:00", "Open"),
		("2026-12-01 09:59", "Open"),
		("2026-12-01 10:00", "Overdue"),
		("2026-12-01 11:59", "Overdue"),
		("2026-12-01 12:00", "Missed"),
	],
)
def test_an_unanswered_task_is_open_then_overdue_for_one_window_then_missed(now, state):
	assert unanswered_state(at(now), at("2026-12-01 08:00"), at("2026-12-01 10:00")) == state


def test_the_grace_after_a_long_window_is_at_most_a_day():
	assert (
		unanswered_state(at("2026-02-01 23:00"), at("2026-01-01 00:00"), at("2026-02-01 00:00")) == "Overdue"
	)
	assert (
		unanswered_state(at("2026-02-02 00:00"), at("2026-01-01 00:00"), at("2026-02-01 00:00")) == "Missed"
	)


def test_a_task_name_is_the_plan_and_the_slot():
	assert task_name("IP-2026-00001", at("2026-12-01 08:30")) == "IP-2026-00001-202612010830"
