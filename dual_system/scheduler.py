"""Scheduled job entry points: one line each, the work lives in services."""

from dual_system.services import hazard_escalation, inspection, reminders


def send_risk_review_reminders():
	reminders.send_risk_review_reminders()


def send_training_expiry_reminders():
	reminders.send_training_expiry_reminders()


def generate_inspection_tasks():
	inspection.generate_tasks()
	inspection.mark_unanswered()


def send_hazard_reminders():
	hazard_escalation.send_hazard_reminders()
