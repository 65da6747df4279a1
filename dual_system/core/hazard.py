"""Hidden-danger rules without a database (DOMAIN.md §1.5, §6.3, §6.4, §6.2).

- the national codes of the digitalisation guideline for source, type, grade,
  handling and state, mapped onto the app's values (several app sources that
  the guideline does not distinguish export as 10, other);
- the default rectification deadline by handling, grade and internal level;
- when failures of one control measure recur often enough to re-assess its risk.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

SOURCES = (
	"Routine",
	"Comprehensive",
	"Specialist",
	"Seasonal",
	"Key Period or Holiday",
	"Accident Analogy",
	"Pre-restart",
	"External Expert Diagnosis",
	"Failed Control Measure",
	"Employee Report",
	"Outside Inspection",
	"Other",
)

# national source code (1–10) → the app's source
SOURCE_BY_CODE = {
	1: "Routine",
	2: "Comprehensive",
	3: "Specialist",
	4: "Seasonal",
	5: "Key Period or Holiday",
	6: "Accident Analogy",
	7: "Pre-restart",
	8: "External Expert Diagnosis",
	9: "Failed Control Measure",
	10: "Other",
}
OTHER_SOURCE_CODE = 10

HAZARD_TYPES = (
	"Safety",
	"Process",
	"Electrical",
	"Instrumentation",
	"Fire",
	"General Layout",
	"Equipment",
	"Other",
)

GENERAL, MAJOR = "General", "Major"
ON_THE_SPOT, BY_DEADLINE = "On the Spot", "By Deadline"
INTERNAL_LEVELS = ("Company", "Workshop", "Team")


def source_code(source: str | None) -> int:
	"""The national code of an app source; sources the guideline lacks are 10 (other)."""
	for code, name in SOURCE_BY_CODE.items():
		if name == source:
			return code
	return OTHER_SOURCE_CODE


def source_for_code(code: int) -> str:
	"""The app source of a national code (import)."""
	try:
		return SOURCE_BY_CODE[int(code)]
	except (KeyError, TypeError, ValueError):
		raise ValueError(f"unknown hidden-danger source code {code!r}") from None


def hazard_type_code(hazard_type: str | None) -> int | None:
	return HAZARD_TYPES.index(hazard_type) + 1 if hazard_type in HAZARD_TYPES else None


def grade_code(grade: str | None) -> int:
	"""0 general, 1 major."""
	return 1 if grade == MAJOR else 0


def handling_code(handling: str | None) -> int | None:
	"""0 fixed on the spot, 1 fixed by deadline."""
	return {ON_THE_SPOT: 0, BY_DEADLINE: 1}.get(handling)


def state_code(status: str | None, accepted: bool = False) -> int | None:
	"""0 rectifying, 1 awaiting acceptance, 9 accepted; None before rectification or
	for tickets that are not hidden dangers (invalid, duplicate)."""
	if accepted or status == "Closed":
		return 9 if accepted else None
	if status in ("Assigned", "Rectifying"):
		return 0
	if status == "Awaiting Acceptance":
		return 1
	return None


@dataclass(frozen=True)
class DeadlineRules:
	"""Default deadlines (Dual System Settings)."""

	on_the_spot_hours: int = 24
	team_days: int = 3
	workshop_days: int = 7
	company_days: int = 30


def default_deadline(
	date_found: datetime.datetime | datetime.date,
	grade: str | None,
	internal_level: str | None,
	handling: str | None,
	rules: DeadlineRules = DeadlineRules(),
) -> datetime.date | None:
	"""The deadline a ticket gets when none is given: same shift for one fixed on the
	spot; by internal level for a general one; none for a major (the governance plan
	sets it) or when the level is not known yet."""
	start = (
		date_found
		if isinstance(date_found, datetime.datetime)
		else datetime.datetime.combine(date_found, datetime.time())
	)
	if handling == ON_THE_SPOT:
		return (start + datetime.timedelta(hours=max(int(rules.on_the_spot_hours or 0), 0))).date()
	if grade == MAJOR:
		return None
	days = {
		"Team": rules.team_days,
		"Workshop": rules.workshop_days,
		"Company": rules.company_days,
	}.get(internal_level or "")
	if days is None:
		return None
	return start.date() + datetime.timedelta(days=max(int(days or 0), 0))


def deadline_precedes_finding(deadline: datetime.date | None, date_found) -> bool:
	"""Whether a deadline lies before the day the hidden danger was found."""
	if not deadline or not date_found:
		return False
	found = date_found.date() if isinstance(date_found, datetime.datetime) else date_found
	return deadline < found


def recurs(
	failures: Iterable[datetime.date | datetime.datetime],
	today: datetime.date,
	window_days: int,
	count: int,
) -> bool:
	"""Whether at least ``count`` failures of one control measure fall within the last
	``window_days`` days (today included). A count below 2 never signals: one failure
	is a hidden danger, not a recurrence."""
	if count < 2 or window_days <= 0:
		return False
	start = today - datetime.timedelta(days=window_days)
	within = [f.date() if isinstance(f, datetime.datetime) else f for f in failures if f is not None]
	return sum(1 for f in within if start < f <= today) >= count


def recurrence_key(control_measure: str, first_ticket: str) -> str:
	"""One re-assessment signal per measure and recurrence: keyed on the oldest ticket
	of the failures in the window, so later failures of the same run add nothing."""
	return f"hazard-recurrence:{control_measure}:{first_ticket}"
