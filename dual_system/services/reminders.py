"""Reminders sent by scheduled jobs, each exactly once.

A reminder is claimed by inserting a Safety Reminder Log row whose
``reminder_key`` is unique in the database. Two workers running the same job
at the same moment both try the insert; the database lets one through and the
other gets a duplicate-key error and skips — no reliance on timing. With three
or more workers InnoDB may instead end one of the waiting inserts with a
deadlock; that worker's claim is rolled back and it skips the reminder, which
the worker holding the claim sends.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import add_days, formatdate, getdate, now_datetime, nowdate

from dual_system.core.review import reminder_key


def claim(key: str, reminder_type: str, doctype: str, name: str, recipient: str, due_date=None) -> bool:
	"""Record the reminder; False when it was already sent (by this or another worker)."""
	log = frappe.get_doc(
		{
			"doctype": "Safety Reminder Log",
			"reminder_key": key,
			"reminder_type": reminder_type,
			"reference_doctype": doctype,
			"reference_name": name,
			"recipient": recipient,
			"due_date": due_date,
			"sent_on": now_datetime(),
		}
	)
	try:
		log.db_insert()
	except frappe.UniqueValidationError:
		frappe.clear_last_message()  # Frappe's "must be unique" notice: expected here
		return False
	return True


def send_once(
	key: str,
	reminder_type: str,
	doctype: str,
	name: str,
	recipient: str,
	subject: str,
	due_date=None,
	also=None,
) -> bool:
	"""Claim, send and commit one reminder; False when another run has it. ``also()``,
	when given, runs with the send, in the same transaction (a comment, an assignment)."""
	try:
		if not claim(key, reminder_type, doctype, name, recipient, due_date):
			return False
		notify(recipient, doctype, name, subject)
		if also:
			also()
		frappe.db.commit()
	except frappe.QueryDeadlockError:
		frappe.db.rollback()
		return False
	return True


def notify(user: str, doctype: str, name: str, subject: str, message: str = "") -> None:
	from frappe.desk.doctype.notification_log.notification_log import make_notification_logs

	make_notification_logs(
		{
			"type": "Alert",
			"document_type": doctype,
			"document_name": name,
			"subject": subject,
			"email_content": message,
			"from_user": "Administrator",
		},
		[user],
	)


def current_users(employees) -> dict[str, str]:
	"""Employee → the user linked to it now (not a copy taken when a record was saved)."""
	employees = sorted({e for e in employees if e})
	if not employees:
		return {}
	return dict(
		frappe.get_all(
			"Employee",
			{"name": ("in", employees), "user_id": ("is", "set")},
			["name", "user_id"],
			as_list=True,
		)
	)


def send_risk_review_reminders(today=None) -> int:
	"""Remind each active risk point's responsible person (or, without one, the
	point's creator) that its review falls due; once per point and due date."""
	today = getdate(today or nowdate())
	settings = frappe.get_cached_doc("Dual System Settings")
	horizon = add_days(today, settings.review_reminder_days or 0)
	points = frappe.get_all(
		"Risk Point",
		filters={"status": "Active", "review_due_date": ("<=", horizon)},
		fields=["name", "risk_point_name", "review_due_date", "responsible_employee", "owner"],
	)
	users = current_users(p.responsible_employee for p in points)
	sent = 0
	for point in points:
		recipient = users.get(point.responsible_employee) or point.owner
		subject = _("Risk review of {0} ({1}) is due on {2}").format(
			point.risk_point_name, point.name, formatdate(point.review_due_date)
		)
		key = reminder_key(point.name, getdate(point.review_due_date))
		sent += send_once(
			key, "Risk Review", "Risk Point", point.name, recipient, subject, point.review_due_date
		)
	return sent


def send_training_expiry_reminders(today=None) -> int:
	"""Remind each employee (or, without a user, the requirement's author) that a
	required training is about to lapse; once per employee, requirement and expiry
	date — a renewed training that lapses later is reminded again."""
	from dual_system.core.training import EXPIRING, expiry_reminder_key
	from dual_system.services import training

	today = getdate(today or nowdate())
	companies = sorted(
		set(frappe.get_all("Safety Training Requirement", {"disabled": 0}, pluck="company", distinct=True))
	)
	sent = 0
	for company in companies:
		requirements, rows = training.compliance_rows(company, today=today)
		by_name = {r.name: r for r in requirements}
		for row in rows:
			for name, cell in row.cells.items():
				if cell is None or cell.status != EXPIRING:
					continue
				requirement = by_name[name]
				subject = _("Training {0} of {1} expires on {2}").format(
					_(requirement.training_type), row.employee.employee_name, formatdate(cell.valid_until)
				)
				sent += send_once(
					expiry_reminder_key(row.employee.name, name, cell.valid_until),
					"Training Expiry",
					"Safety Training Requirement",
					name,
					row.employee.user_id or requirement.owner,
					subject,
					cell.valid_until,
				)
	return sent
