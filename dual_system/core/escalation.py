"""Which reminder and escalation steps of a hazard ticket are due (DOMAIN.md §6.4).

- before the deadline (``reminder_days_before_deadline`` days ahead): remind the
  rectification owner;
- at the deadline, still not rectified: escalate to the owning department's
  safety lead (the next level);
- ``escalation_days_overdue`` days after the deadline: escalate to top
  management (Safety Manager and Company Principal).

A step stays due from its day on while the ticket is open for rectification, so
a day the job did not run is caught up the next day; the caller sends each step
once (a unique key per ticket, deadline, step and recipient). An extension moves
the deadline and therefore starts the steps again for the new deadline. No
database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

OWNER = "owner"
DEPARTMENT_LEAD = "department_lead"
TOP_MANAGEMENT = "top_management"
STEPS = (OWNER, DEPARTMENT_LEAD, TOP_MANAGEMENT)

# statuses in which the owning unit still has to rectify
OPEN_FOR_RECTIFICATION = frozenset({"Assigned", "Rectifying"})


@dataclass(frozen=True)
class Step:
	step: str
	on: datetime.date  # the day the step falls due


def schedule(deadline: datetime.date, days_before: int, days_overdue: int) -> list[Step]:
	"""The three steps of a deadline with the days they fall due."""
	return [
		Step(OWNER, deadline - datetime.timedelta(days=max(int(days_before or 0), 0))),
		Step(DEPARTMENT_LEAD, deadline),
		Step(TOP_MANAGEMENT, deadline + datetime.timedelta(days=max(int(days_overdue or 0), 0))),
	]


def due_steps(
	status: str,
	deadline: datetime.date | None,
	today: datetime.date,
	days_before: int = 1,
	days_overdue: int = 7,
) -> list[str]:
	"""The steps due on ``today`` for a ticket in ``status`` with ``deadline``."""
	if not deadline or status not in OPEN_FOR_RECTIFICATION:
		return []
	if isinstance(deadline, datetime.datetime):
		deadline = deadline.date()
	return [s.step for s in schedule(deadline, days_before, days_overdue) if s.on <= today]


def step_key(ticket: str, deadline: datetime.date, step: str, recipient: str) -> str:
	"""One message per ticket, deadline, step and recipient, however often the job runs."""
	return f"hazard-{step}:{ticket}:{deadline.isoformat()}:{recipient}"
