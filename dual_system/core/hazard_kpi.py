"""Hidden-danger KPIs (DOMAIN.md §6.6) from plain ticket rows. No database.

A ticket counts as *found* in a window when its date found lies in the window
and it was not rejected (Invalid, Duplicate). Everything else is measured on
those found tickets as of a given day:

- rectification rate: closed ÷ found;
- on-time rate: closed by the deadline ÷ came due (deadline on or before the day);
- major closure rate: majors closed ÷ majors found;
- open overdue: not closed, deadline before the day;
- average days to close: date found → closed, in days;
- repeat rate: tickets on a control measure or a risk event already ticketed
  earlier in the window ÷ found;
- self-found share: found by the company itself (not by an outside inspection
  or an external expert diagnosis) ÷ found;
- failed-measure share: raised by a failed control measure ÷ found;
- reports per head: employee reports ÷ headcount.

A rate whose denominator is zero is None (nothing to measure), never 0 or 100 %.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

REJECTED = frozenset({"Invalid", "Duplicate"})
CLOSED = "Closed"
MAJOR = "Major"
OUTSIDE_SOURCES = frozenset({"Outside Inspection", "External Expert Diagnosis"})
FAILED_MEASURE_SOURCE = "Failed Control Measure"
EMPLOYEE_REPORT_SOURCE = "Employee Report"


@dataclass(frozen=True)
class TicketRow:
	"""What the KPIs need of one Hazard Ticket."""

	name: str
	date_found: datetime.date
	status: str = "Registered"
	grade: str = "General"
	source: str = ""
	deadline: datetime.date | None = None
	closed_on: datetime.date | None = None
	control_measure: str | None = None
	risk_event: str | None = None

	@property
	def closed(self) -> bool:
		return self.status == CLOSED


@dataclass(frozen=True)
class Kpis:
	found: int = 0
	closed: int = 0
	came_due: int = 0
	closed_on_time: int = 0
	majors_found: int = 0
	majors_closed: int = 0
	majors_open: int = 0
	open_overdue: int = 0
	repeats: int = 0
	self_found: int = 0
	from_failed_measures: int = 0
	employee_reports: int = 0
	headcount: int = 0
	days_to_close: int = field(default=0, repr=False)  # summed over the closed tickets

	@property
	def rectification_rate(self) -> float | None:
		return ratio(self.closed, self.found)

	@property
	def on_time_rate(self) -> float | None:
		return ratio(self.closed_on_time, self.came_due)

	@property
	def major_closure_rate(self) -> float | None:
		return ratio(self.majors_closed, self.majors_found)

	@property
	def average_days_to_close(self) -> float | None:
		if not self.closed:
			return None
		return round(self.days_to_close / self.closed, 2)

	@property
	def repeat_rate(self) -> float | None:
		return ratio(self.repeats, self.found)

	@property
	def self_found_share(self) -> float | None:
		return ratio(self.self_found, self.found)

	@property
	def failed_measure_share(self) -> float | None:
		return ratio(self.from_failed_measures, self.found)

	@property
	def reports_per_head(self) -> float | None:
		return ratio(self.employee_reports, self.headcount)

	def as_dict(self) -> dict:
		return {
			"found": self.found,
			"closed": self.closed,
			"rectification_rate": self.rectification_rate,
			"came_due": self.came_due,
			"closed_on_time": self.closed_on_time,
			"on_time_rate": self.on_time_rate,
			"majors_found": self.majors_found,
			"majors_closed": self.majors_closed,
			"major_closure_rate": self.major_closure_rate,
			"majors_open": self.majors_open,
			"open_overdue": self.open_overdue,
			"average_days_to_close": self.average_days_to_close,
			"repeats": self.repeats,
			"repeat_rate": self.repeat_rate,
			"self_found": self.self_found,
			"self_found_share": self.self_found_share,
			"from_failed_measures": self.from_failed_measures,
			"failed_measure_share": self.failed_measure_share,
			"employee_reports": self.employee_reports,
			"headcount": self.headcount,
			"reports_per_head": self.reports_per_head,
		}


def ratio(numerator: int, denominator: int) -> float | None:
	"""numerator ÷ denominator to four places; None without a denominator."""
	if not denominator:
		return None
	return round(numerator / denominator, 4)


def _day(value) -> datetime.date | None:
	if value is None:
		return None
	if isinstance(value, datetime.datetime):
		return value.date()
	return value


def in_window(ticket: TicketRow, start: datetime.date | None, end: datetime.date | None) -> bool:
	found = _day(ticket.date_found)
	return (start is None or found >= start) and (end is None or found <= end)


def counted(tickets: Iterable[TicketRow], start=None, end=None) -> list[TicketRow]:
	"""The tickets found in the window that are hidden dangers (not rejected)."""
	return [t for t in tickets if t.status not in REJECTED and in_window(t, start, end)]


def repeated(tickets: Iterable[TicketRow]) -> set[str]:
	"""Tickets on a control measure or a risk event that an earlier ticket already named."""
	seen: set[tuple[str, str]] = set()
	repeats: set[str] = set()
	for ticket in sorted(tickets, key=lambda t: (_as_datetime(t.date_found), t.name)):
		keys = {("measure", ticket.control_measure), ("event", ticket.risk_event)}
		keys = {k for k in keys if k[1]}
		if keys & seen:
			repeats.add(ticket.name)
		seen |= keys
	return repeats


def _as_datetime(value) -> datetime.datetime:
	if isinstance(value, datetime.datetime):
		return value
	return datetime.datetime.combine(value, datetime.time())


# What each counted ticket adds to the sums the KPIs are made of (besides found and
# repeats, which depend on the other tickets). The reports compute the same sums in
# SQL (dual_system/services/hazard_ledger.py, KPI_SUMS); tests hold both to these.
COUNTERS = (
	"found",
	"closed",
	"came_due",
	"closed_on_time",
	"majors_found",
	"majors_closed",
	"majors_open",
	"open_overdue",
	"repeats",
	"self_found",
	"from_failed_measures",
	"employee_reports",
	"days_to_close",
)


def ticket_counts(t: TicketRow, as_of: datetime.date) -> dict[str, int]:
	"""The counters one counted ticket adds, as of a day (found and repeats excepted)."""
	closed_on = _day(t.closed_on) if t.closed else None
	is_closed = closed_on is not None and closed_on <= as_of
	came_due = bool(t.deadline and t.deadline <= as_of)
	major = t.grade == MAJOR
	return {
		"closed": int(is_closed),
		"came_due": int(came_due),
		"closed_on_time": int(came_due and is_closed and closed_on <= t.deadline),
		"majors_found": int(major),
		"majors_closed": int(major and is_closed),
		"majors_open": int(major and not is_closed),
		"open_overdue": int(not is_closed and bool(t.deadline) and t.deadline < as_of),
		"self_found": int(t.source not in OUTSIDE_SOURCES),
		"from_failed_measures": int(t.source == FAILED_MEASURE_SOURCE),
		"employee_reports": int(t.source == EMPLOYEE_REPORT_SOURCE),
		"days_to_close": (closed_on - _day(t.date_found)).days if is_closed else 0,
	}


def kpis_from_counts(counts: dict, headcount: int = 0) -> Kpis:
	"""The KPIs of summed counters (COUNTERS; a missing one is 0)."""
	return Kpis(**{name: int(counts.get(name) or 0) for name in COUNTERS}, headcount=headcount)


def kpis(
	tickets: Iterable[TicketRow],
	as_of: datetime.date,
	start: datetime.date | None = None,
	end: datetime.date | None = None,
	headcount: int = 0,
) -> Kpis:
	"""The KPIs of the tickets found between start and end (inclusive) — and by the
	day measured: a ticket found later did not exist yet — as of that day."""
	end = min(end, as_of) if end else as_of
	rows = counted(tickets, start, end)
	counts = dict.fromkeys(COUNTERS, 0)
	for t in rows:
		for name, value in ticket_counts(t, as_of).items():
			counts[name] += value
	counts["found"] = len(rows)
	counts["repeats"] = len(repeated(rows))
	return kpis_from_counts(counts, headcount)


def kpis_by(
	tickets: Iterable[TicketRow],
	key: Callable[[TicketRow], Iterable[str]],
	as_of: datetime.date,
	start: datetime.date | None = None,
	end: datetime.date | None = None,
	headcounts: dict[str, int] | None = None,
) -> dict[str, Kpis]:
	"""KPIs per group; ``key`` gives the groups of a ticket (none, one or several)."""
	groups: dict[str, list[TicketRow]] = {}
	for t in tickets:
		for group in key(t):
			groups.setdefault(group, []).append(t)
	headcounts = headcounts or {}
	return {
		group: kpis(rows, as_of, start, end, headcounts.get(group, 0))
		for group, rows in sorted(groups.items())
	}


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
	"""First and last day of a quarter (1-4)."""
	if quarter not in (1, 2, 3, 4):
		raise ValueError(f"quarter must be 1-4, not {quarter}")
	first = datetime.date(year, 3 * quarter - 2, 1)
	last = datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - datetime.timedelta(days=1)
	return first, last


def period_key(day: datetime.date, period: str) -> str:
	"""The label of the period a day falls in: Month 2026-03, Quarter 2026-Q1, Year 2026."""
	day = _day(day)
	if period == "Month":
		return f"{day.year}-{day.month:02d}"
	if period == "Quarter":
		return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
	if period == "Year":
		return str(day.year)
	raise ValueError(f"unknown period {period!r}")


def statutory_return_due(year: int, quarter: int | None) -> datetime.date:
	"""Order No. 16: a quarter's return by the 15th of the next quarter's first month,
	the annual return by 31 January of the next year."""
	if quarter is None:
		return datetime.date(year + 1, 1, 31)
	_first, last = quarter_bounds(year, quarter)
	following = last + datetime.timedelta(days=1)
	return following.replace(day=15)
