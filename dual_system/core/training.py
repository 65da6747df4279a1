"""Training compliance, induction and construction progress (DOMAIN.md §7): plain
functions on plain values, no database.

A requirement asks for a training type, a number of hours a year and a validity
in months. What an employee has is the list of their *passed* training records
of that type (date, hours). The requirement is met until ``valid_until``:

- the most recent passed training lasts ``validity_months``;
- the hours rule (``min_hours`` a year) is met by the most recent trainings that
  add up to ``min_hours``; it lapses twelve months after the oldest of them.

``valid_until`` is the earlier of the two. Never enough hours: *Missing*;
``valid_until`` in the past: *Expired*; within ``warn_days``: *Expiring*;
otherwise *OK*. Expiring still counts as valid (the gate lets it through).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta


def _(message: str) -> str:
	"""Marks a word for extraction; callers translate it when they show it."""
	return message


OK = _("OK")
EXPIRING = _("Expiring")
EXPIRED = _("Expired")
MISSING = _("Missing")
NOT_APPLICABLE = _("Not Applicable")
STATUSES = (OK, EXPIRING, EXPIRED, MISSING)
VALID_STATUSES = frozenset({OK, EXPIRING})

STATUS_INDICATOR = {OK: "green", EXPIRING: "orange", EXPIRED: "red", MISSING: "red"}

INDUCTION_LEVELS = (_("Plant Level"), _("Workshop Level"), _("Team Level"))

MIN_SCORE, MAX_SCORE = 0, 100


@dataclass(frozen=True)
class Training:
	"""One passed training of an employee: when and how many hours."""

	date: datetime.date
	hours: float


@dataclass(frozen=True)
class Compliance:
	status: str
	valid_until: datetime.date | None = None
	last_trained: datetime.date | None = None
	hours_last_year: float = 0.0

	@property
	def valid(self) -> bool:
		return self.status in VALID_STATUSES


def add_months(date: datetime.date, months: int) -> datetime.date:
	return date + relativedelta(months=int(months or 0))


def hours_within(trainings: Iterable[Training], start: datetime.date, end: datetime.date) -> float:
	"""Hours of the trainings after ``start`` up to and including ``end``."""
	return round(sum(t.hours for t in trainings if start < t.date <= end), 2)


def compliance(
	trainings: Iterable[Training],
	min_hours: float,
	validity_months: int,
	today: datetime.date,
	warn_days: int = 30,
) -> Compliance:
	"""Whether the passed ``trainings`` of one type meet a requirement on ``today``."""
	done = sorted((t for t in trainings if t.date <= today), key=lambda t: t.date, reverse=True)
	hours_last_year = hours_within(done, add_months(today, -12), today)
	if not done:
		return Compliance(MISSING)
	last = done[0].date
	valid_until = add_months(last, validity_months)
	if min_hours and min_hours > 0:
		total = 0.0
		oldest_needed = None
		for training in done:
			total += training.hours
			if total + 1e-9 >= min_hours:
				oldest_needed = training.date
				break
		if oldest_needed is None:
			return Compliance(MISSING, None, last, hours_last_year)
		valid_until = min(valid_until, add_months(oldest_needed, 12))
	if valid_until < today:
		status = EXPIRED
	elif (valid_until - today).days <= warn_days:
		status = EXPIRING
	else:
		status = OK
	return Compliance(status, valid_until, last, hours_last_year)


# --- who a requirement applies to -------------------------------------------------------------
@dataclass(frozen=True)
class Person:
	"""What decides which requirements apply to an employee."""

	employee: str
	company: str
	designation: str | None = None
	departments: frozenset[str] = frozenset()  # the employee's department and all its ancestors
	roles: frozenset[str] = frozenset()
	date_of_joining: datetime.date | None = None


@dataclass(frozen=True)
class Rule:
	"""Whom a requirement applies to: everyone of a company, or a designation, a
	department (with its sub-departments) or a role."""

	company: str
	applies_to: str  # Everyone | Designation | Department | Role
	target: str | None = None


def applies(rule: Rule, person: Person) -> bool:
	if rule.company != person.company:
		return False
	if rule.applies_to == "Everyone":
		return True
	if not rule.target:
		return False
	if rule.applies_to == "Designation":
		return person.designation == rule.target
	if rule.applies_to == "Department":
		return rule.target in person.departments
	if rule.applies_to == "Role":
		return rule.target in person.roles
	return False


# --- three-level induction ---------------------------------------------------------------------
def is_new_employee(date_of_joining: datetime.date | None, today: datetime.date, months: int) -> bool:
	"""Joined within the last ``months`` (the period in which induction is tracked)."""
	return bool(date_of_joining) and date_of_joining > add_months(today, -int(months or 0))


def missing_induction_levels(completed_levels: Iterable[str]) -> list[str]:
	"""The induction levels (plant, workshop, team) not yet passed, in order."""
	done = set(completed_levels)
	return [level for level in INDUCTION_LEVELS if level not in done]


# --- sessions ------------------------------------------------------------------------------------
def valid_score(score: float | None) -> bool:
	return score is None or MIN_SCORE <= score <= MAX_SCORE


def passed(present: bool, score: float | None, pass_mark: float | None) -> bool:
	"""An attendee passes by being present when there is no assessment (no pass
	mark), otherwise by scoring at least the pass mark; an absent one never does."""
	if not present:
		return False
	if pass_mark is None:
		return True
	return (score or 0) + 1e-9 >= pass_mark


# --- reports ------------------------------------------------------------------------------------
def hours_by_year_and_type(
	records: Iterable[tuple[datetime.date, str, float]],
) -> dict[int, dict[str, float]]:
	"""{year: {training type: hours}} of (date, type, hours) records, years ascending."""
	table: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
	for date, training_type, hours in records:
		table[date.year][training_type] += hours or 0
	return {year: {t: round(h, 2) for t, h in sorted(types.items())} for year, types in sorted(table.items())}


@dataclass(frozen=True)
class Figure:
	"""One of the Shandong "four 100%" figures: compliant people of those subject."""

	compliant: int
	subjects: int

	@property
	def percent(self) -> float | None:
		if not self.subjects:
			return None
		return round(100.0 * self.compliant / self.subjects, 1)


def figure(statuses_by_employee: dict[str, list[str]]) -> Figure:
	"""Employees all of whose requirements of the figure are valid, of those subject to any."""
	subjects = [statuses for statuses in statuses_by_employee.values() if statuses]
	compliant = sum(1 for statuses in subjects if all(s in VALID_STATUSES for s in statuses))
	return Figure(compliant, len(subjects))


def expiry_reminder_key(employee: str, requirement: str, valid_until: datetime.date) -> str:
	"""One reminder per employee, requirement and expiry date, however often the job runs."""
	return f"training-expiry:{employee}:{requirement}:{valid_until.isoformat()}"


# --- construction plan ---------------------------------------------------------------------------
COMPLETED = _("Completed")


@dataclass(frozen=True)
class Milestone:
	status: str  # Not Started | In Progress | Completed
	due_date: datetime.date | None = None
	weight: float = 1.0
	phase: str | None = None


@dataclass(frozen=True)
class Progress:
	milestones: int = 0
	completed: int = 0
	overdue: int = 0
	weight: float = 0.0
	completed_weight: float = 0.0

	@property
	def percent(self) -> float:
		if not self.weight:
			return 0.0
		return round(100.0 * self.completed_weight / self.weight, 1)

	def __add__(self, other: Progress) -> Progress:
		return Progress(
			self.milestones + other.milestones,
			self.completed + other.completed,
			self.overdue + other.overdue,
			round(self.weight + other.weight, 6),
			round(self.completed_weight + other.completed_weight, 6),
		)


def is_overdue(milestone: Milestone, today: datetime.date) -> bool:
	return milestone.status != COMPLETED and bool(milestone.due_date) and milestone.due_date < today


def progress(milestones: Iterable[Milestone], today: datetime.date) -> Progress:
	"""Milestones done, overdue, and the share of weight completed."""
	total = Progress()
	for m in milestones:
		weight = m.weight if m.weight and m.weight > 0 else 1.0
		done = m.status == COMPLETED
		total = total + Progress(1, int(done), int(is_overdue(m, today)), weight, weight if done else 0.0)
	return total


def consolidate(progresses: Iterable[Progress]) -> Progress:
	"""A group's progress: its companies' milestones added up (weighted, not an
	average of percentages, so a company with more milestones counts for more)."""
	total = Progress()
	for p in progresses:
		total = total + p
	return total


def progress_by_phase(milestones: Iterable[Milestone], today: datetime.date) -> dict[str, Progress]:
	phases: dict[str, list[Milestone]] = defaultdict(list)
	for m in milestones:
		phases[m.phase or ""].append(m)
	return {phase: progress(items, today) for phase, items in phases.items()}
