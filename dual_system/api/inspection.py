"""Whitelisted endpoints of hidden-danger investigation (the desk buttons and the
phone page /inspect)."""

from __future__ import annotations

import frappe
from frappe import _

from dual_system.core import schedule
from dual_system.services import inspection

ANSWERABLE = (schedule.OPEN, schedule.OVERDUE)


@frappe.whitelist(methods=["POST"])
def create_inspection_plan(doctype: str, name: str) -> str:
	"""One click on a Risk Point or Control Measure: an inspection plan with its checklist."""
	if not frappe.has_permission("Inspection Plan", "create"):
		frappe.throw(_("You may not create inspection plans"), frappe.PermissionError)
	return inspection.new_plan(doctype, name).name


@frappe.whitelist()
def default_cycle(investigation_type: str, organisational_level: str | None = None) -> dict | None:
	"""The investigation type's default cycle for an organisational level, for the desk's
	new-plan form (the server applies the same default when a plan is saved with its
	cycle left empty)."""
	if not frappe.db.exists("Investigation Type", investigation_type):
		frappe.throw(
			_("{0} {1} not found").format(_("Investigation Type"), frappe.bold(investigation_type)),
			frappe.DoesNotExistError,
		)
	if not frappe.has_permission("Investigation Type", "read", doc=investigation_type):
		frappe.throw(_("Not permitted to read {0}").format(_("Investigation Type")), frappe.PermissionError)
	found = inspection.type_default_cycle(investigation_type, organisational_level)
	if not found:
		return None
	return {
		"organisational_level": found.organisational_level,
		"cycle_interval": found.interval,
		"cycle_unit": found.unit,
	}


@frappe.whitelist(methods=["POST"])
def complete_task(task: str, answers) -> dict:
	"""Record the results of one's own inspection task (see services.inspection.complete_task)."""
	return inspection.complete_task(task, answers)


@frappe.whitelist()
def my_open_tasks(risk_point: str | None = None) -> list[dict]:
	"""The session user's tasks that can still be answered, soonest first."""
	return open_tasks_of(frappe.session.user, risk_point)


def open_tasks_of(user: str, risk_point: str | None = None) -> list[dict]:
	employees = frappe.get_all("Employee", {"user_id": user, "status": "Active"}, pluck="name")
	if not employees:
		return []
	filters = {"assignee": ("in", employees), "status": ("in", ANSWERABLE)}
	if risk_point:
		filters["risk_point"] = risk_point
	return frappe.get_all(
		"Inspection Task",
		filters=filters,
		fields=["name", "plan_title", "risk_point", "status", "slot_start", "window_end"],
		order_by="window_end asc",
		limit=50,
		ignore_permissions=True,  # the user's own tasks, by its employees above
	)


EXPORT_ROLES = {"System Manager", "Safety Manager", "Company Principal", "Safety Officer"}


@frappe.whitelist()
def national_export(company: str, from_date: str, to_date: str, format: str = "json"):
	"""The national data-model export of a company and period (docs/national-export.md):
	JSON, or with ``format=xlsx`` an Excel workbook. Company-wide safety roles only."""
	from dual_system.permissions import context
	from dual_system.services import national_export as export

	if not EXPORT_ROLES.intersection(frappe.get_roles()):
		frappe.throw(_("Only company-wide safety roles may export the national data"), frappe.PermissionError)
	companies = context().companies
	if not frappe.db.exists("Company", company) or (companies is not None and company not in companies):
		frappe.throw(_("Not permitted to read {0}").format(_("Company")), frappe.PermissionError)
	if frappe.utils.getdate(to_date) < frappe.utils.getdate(from_date):
		frappe.throw(_("The end date is before the start date"), inspection.InspectionPlanError)
	data = export.build(company, from_date, to_date)
	if format == "xlsx":
		frappe.response["filename"] = f"national-export-{company}-{from_date}-{to_date}.xlsx"
		frappe.response["filecontent"] = export.workbook(data)
		frappe.response["type"] = "binary"
		return None
	return data
