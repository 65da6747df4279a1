"""/inspect: a phone-sized page for an investigator — its open inspection tasks (of one
risk point when reached from the notification card's QR code) and the checklist of
one task to answer. Answers go to dual_system.api.inspection.complete_task."""

from __future__ import annotations

from urllib.parse import urlencode

import frappe
from frappe import _

from dual_system.api.inspection import ANSWERABLE, open_tasks_of

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		query = urlencode({k: v for k, v in frappe.form_dict.items() if k in ("risk_point", "task")})
		frappe.local.flags.redirect_location = "/login?" + urlencode(
			{"redirect-to": "/inspect" + (f"?{query}" if query else "")}
		)
		raise frappe.Redirect
	risk_point = frappe.form_dict.get("risk_point")
	task_name = frappe.form_dict.get("task")
	context.no_breadcrumbs = True
	context.title = _("Inspection Tasks")
	context.risk_point = risk_point
	context.risk_point_name = (
		frappe.db.get_value("Risk Point", risk_point, "risk_point_name") if risk_point else None
	)
	context.tasks = open_tasks_of(frappe.session.user, risk_point)
	context.task = None
	if task_name:
		mine = {t.name for t in open_tasks_of(frappe.session.user)}
		if task_name in mine:
			task = frappe.get_doc("Inspection Task", task_name)
			if task.status in ANSWERABLE:
				context.task = task
				context.title = task.plan_title
				# a measure may guard several events of the point: the item names its event
				events = sorted({row.risk_event for row in task.get("items") if row.risk_event})
				context.event_titles = (
					dict(
						frappe.get_all(
							"Risk Event", {"name": ("in", events)}, ["name", "hazard"], as_list=True
						)
					)
					if events
					else {}
				)
		if not context.task:
			context.message = _("This task is not one of your open inspection tasks")
	context.csrf_token = frappe.sessions.get_csrf_token()
	return context
