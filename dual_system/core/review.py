"""Review dates: when a risk point's assessment falls due again (DOMAIN.md §8)."""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta


def next_review_date(approved_on: datetime.date, interval_months: int) -> datetime.date:
	"""Approval date plus the review interval (12 months by default)."""
	return approved_on + relativedelta(months=max(int(interval_months or 0), 1))


def reminder_key(risk_point: str, review_due: datetime.date) -> str:
	"""One reminder per risk point and due date, however often the job runs."""
	return f"risk-review:{risk_point}:{review_due.isoformat()}"
