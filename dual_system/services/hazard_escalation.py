"""Hazard ticket reminders and escalation (DOMAIN.md §6.4), each step sent once.

Before the deadline the rectification owner is reminded; at the deadline the
owning department's safety leads are told (the next level); some days overdue
the company's Safety Managers and Company Principals (top management). Which
step is due is pure arithmetic (core/escalation.py) on the offsets of Dual
System Settings; each message is claimed through a unique Safety Reminder Log
key (services/reminders.py), so repeated or concurrent runs send it once. Each
message also leaves a comment on the ticket's timeline and assigns the ticket to
the recipient (a ToDo: it appears in their "Assigned to me").
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import formatdate, getdate, nowdate

from dual_system.core.escalation import (
	DEPARTMENT_LEAD,
	OPEN_FOR_RECTIFICATION,
	OWNER,
	TOP_MANAGEMENT,
	due_steps,
	step_key,
)
from dual_system.services.reminders import current_users, send_once

REMINDER_TYPES = {
	OWNER: "Hazard Deadline Reminder",
	DEPARTMENT_LEAD: "Hazard Escalation",
	TOP_MANAGEMENT: "Hazard Escalation to Top Management",
}
TOP_ROLES = ("Safety Manager", "Company Principal")
LEAD_ROLE = "Department Safety Lead"


def _users_with_roles(roles) -> list[str]:
	return frappe.get_all(
		"Has Role",
		filters={
			"role": ("in", list(roles)),
			"parenttype": "User",
			"parent": ("not in", ("Administrator", "Guest")),
		},
		pluck="parent",
		distinct=True,
	)


def _enabled(users) -> list[str]:
	users = sorted(set(users))
	if not users:
		return []
	return frappe.get_all("User", {"name": ("in", users), "enabled": 1}, pluck="name", order_by="name")


class Recipients:
	"""Who receives each step, looked up once per run."""

	def __init__(self):
		from dual_system import permissions

		self.permissions = permissions
		self.leads = _enabled(_users_with_roles([LEAD_ROLE]))
		self.top = _enabled(_users_with_roles(TOP_ROLES))
		self._lead_departments = {u: set(permissions.scope_departments(u) or ()) for u in self.leads}

	def _companies(self, user) -> tuple[str, ...] | None:
		return self.permissions.context(user).companies

	def owner(self, ticket, owners: dict[str, str]) -> list[str]:
		user = ticket.rectification_owner_user or owners.get(ticket.rectification_owner)
		return [user] if user else []

	def department_leads(self, ticket) -> list[str]:
		department = ticket.owning_department or ticket.department
		return [
			u
			for u in self.leads
			if department in self._lead_departments[u]
			and (self._companies(u) is None or ticket.company in self._companies(u))
		]

	def top_management(self, ticket) -> list[str]:
		return [u for u in self.top if self._companies(u) is None or ticket.company in self._companies(u)]

	def of(self, step, ticket, owners) -> list[str]:
		if step == OWNER:
			return self.owner(ticket, owners)
		if step == DEPARTMENT_LEAD:
			return self.department_leads(ticket)
		return self.top_management(ticket)


def subject_of(step: str, ticket) -> str:
	title = f"{ticket.name}: {(ticket.description or '').strip()[:60]}"
	deadline = formatdate(ticket.deadline)
	if step == OWNER:
		return _("Hidden danger {0} must be rectified by {1}").format(title, deadline)
	if step == DEPARTMENT_LEAD:
		return _("Hidden danger {0} reached its deadline {1} without rectification").format(title, deadline)
	return _("Hidden danger {0} is overdue since {1}: escalated to top management").format(title, deadline)


def send_hazard_reminders(today=None) -> int:
	"""Send every due step of every open ticket once; the number of messages sent."""
	today = getdate(today or nowdate())
	settings = frappe.get_cached_doc("Dual System Settings")
	days_before = settings.reminder_days_before_deadline or 0
	days_overdue = settings.escalation_days_overdue or 0
	tickets = frappe.get_all(
		"Hazard Ticket",
		filters={"status": ("in", sorted(OPEN_FOR_RECTIFICATION)), "deadline": ("is", "set")},
		fields=[
			"name",
			"company",
			"department",
			"owning_department",
			"status",
			"deadline",
			"description",
			"rectification_owner",
			"rectification_owner_user",
		],
		order_by="deadline asc, name asc",
	)
	due = [(t, due_steps(t.status, getdate(t.deadline), today, days_before, days_overdue)) for t in tickets]
	due = [(t, steps) for t, steps in due if steps]
	if not due:
		return 0
	owners = current_users(t.rectification_owner for t, _steps in due)
	recipients = Recipients()
	sent = 0
	for ticket, steps in due:
		deadline = getdate(ticket.deadline)
		for step in steps:
			subject = subject_of(step, ticket)
			for user in recipients.of(step, ticket, owners):
				sent += send_once(
					step_key(ticket.name, deadline, step, user),
					REMINDER_TYPES[step],
					"Hazard Ticket",
					ticket.name,
					user,
					subject,
					deadline,
					also=lambda t=ticket, u=user, s=subject: _comment_and_assign(t, u, s),
				)
	return sent


def _comment_and_assign(ticket, user: str, subject: str) -> None:
	from frappe.desk.form.assign_to import add

	frappe.get_doc(
		{
			"doctype": "Comment",
			"comment_type": "Info",
			"reference_doctype": "Hazard Ticket",
			"reference_name": ticket.name,
			"content": _("{0} (sent to {1})").format(subject, user),
		}
	).insert(ignore_permissions=True)
	add(
		{
			"assign_to": [user],
			"doctype": "Hazard Ticket",
			"name": ticket.name,
			"description": subject,
			"date": ticket.deadline,
			"assigned_by": "Administrator",
		},
		ignore_permissions=True,
	)
