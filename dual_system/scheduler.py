"""Scheduled job entry points: one line each, the work lives in services."""

from dual_system.services import reminders


def send_risk_review_reminders():
	reminders.send_risk_review_reminders()
