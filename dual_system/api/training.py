"""Whitelisted training endpoints: attendee selection, an employee's training
status on the Employee form, the workspace figures, and the Employee form's
connections."""

from __future__ import annotations

import frappe
from frappe import _

from dual_system.core import training as core
from dual_system.permissions import context, staff_scope
from dual_system.services import training

RECORD = "Safety Training Record"


def employee_dashboard(data):
	"""``override_doctype_dashboards``: the Employee form's connections list its trainings."""
	data = frappe._dict(data or {})
	data.fieldname = data.get("fieldname") or "employee"
	transactions = list(data.get("transactions") or [])
	transactions.append({"label": _("Safety Training"), "items": [RECORD]})
	data.transactions = transactions
	return data


def _check_company(company: str) -> None:
	companies = context().companies
	if not company or (companies is not None and company not in companies):
		frappe.throw(_("Not permitted for company {0}").format(company or ""), frappe.PermissionError)


@frappe.whitelist()
def attendee_candidates(
	company: str,
	department: str | None = None,
	designation: str | None = None,
	training_type: str | None = None,
	due_only: int | str = 0,
) -> list[dict]:
	"""Employees to add to a session: by department (with sub-departments), by
	designation, or everyone whose requirement for the training type is due."""
	if not frappe.has_permission("Safety Training Session", "write"):
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	_check_company(company)
	return training.attendee_candidates(
		company, department, designation, training_type, bool(frappe.utils.cint(due_only))
	)


@frappe.whitelist()
def employee_training_status(employee: str) -> dict:
	"""The employee's unmet requirements and missing induction levels, for the
	headline of the Employee form (only for readers of the employee's training file)."""
	info = frappe.db.get_value("Employee", employee, ["company", "department"], as_dict=True)
	if not info or not frappe.has_permission("Employee", "read", employee):
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	if not staff_scope(RECORD).allows(info.company, info.department, employee):
		return {"readable": False, "gaps": [], "induction_missing": None}
	requirements, rows = training.compliance_rows(info.company, employees=[employee])
	if not rows:
		return {"readable": True, "gaps": [], "induction_missing": None}
	by_name = {r.name: r for r in requirements}
	gaps = [
		{
			"requirement": name,
			"training_type": by_name[name].training_type,
			"training_type_label": _(by_name[name].training_type),
			"status": cell.status,
			"status_label": _(cell.status),
			"valid_until": cell.valid_until,
		}
		for name, cell in rows[0].cells.items()
		if cell is not None and cell.status != core.OK
	]
	return {
		"readable": True,
		"gaps": gaps,
		"induction_missing": rows[0].induction_missing,
		"induction_missing_labels": [_(level) for level in rows[0].induction_missing or []],
	}


# --- workspace figures (Number Cards of type Custom) ------------------------------------------
def _card_filters(filters) -> dict:
	filters = frappe.parse_json(filters) or {}
	if isinstance(filters, list):
		filters = {f[1]: f[3] for f in filters if len(f) >= 4}
	return filters


def _card_company(filters) -> str | None:
	"""The card's company (the user's default), when the user may read it."""
	company = _card_filters(filters).get("company") or frappe.defaults.get_user_default("Company")
	companies = context().companies
	if not company or (companies is not None and company not in companies):
		return None
	return company


@frappe.whitelist()
def four_hundred_percent(filters=None):
	"""One Shandong "four 100%" figure for the reader's company, over the employees
	whose training the reader may see."""
	company, name = _card_company(filters), _card_filters(filters).get("figure")
	if not company or not name:
		return "–"
	result = training.figure(company, name, scope=staff_scope(RECORD))
	if result.percent is None:
		return "–"
	return {
		"value": result.percent,
		"fieldtype": "Percent",
		"route": ["query-report", "Safety Training Compliance"],
		"route_options": {"company": company, "four_hundred_percent": name},
	}


@frappe.whitelist()
def new_employees_without_induction(filters=None):
	"""New employees (Dual System Settings) who have not passed all three induction levels."""
	company = _card_company(filters)
	if not company:
		return 0
	_reqs, rows = training.compliance_rows(company, requirements=[], scope=staff_scope(RECORD))
	return {
		"value": sum(1 for row in rows if row.induction_missing),
		"fieldtype": "Int",
		"route": ["query-report", "Safety Training Compliance"],
		"route_options": {"company": company, "induction_only": 1},
	}


@frappe.whitelist()
def trainings_due(filters=None):
	"""Required trainings that are missing, expired or expiring (employee × requirement)."""
	company = _card_company(filters)
	if not company:
		return 0
	_reqs, rows = training.compliance_rows(company, scope=staff_scope(RECORD))
	return {
		"value": sum(
			1 for row in rows for cell in row.cells.values() if cell is not None and cell.status != core.OK
		),
		"fieldtype": "Int",
		"route": ["query-report", "Safety Training Compliance"],
		"route_options": {"company": company, "due_only": 1},
	}
