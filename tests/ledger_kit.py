"""Hazard tickets for the ledger, KPI and escalation tests.

Tickets are written straight to the database with every field given (as the
closed loop would have left them), so these tests depend on the ticket's fields,
not on the workflow that moves them."""

from __future__ import annotations

import frappe
from ds_testkit import unique
from frappe.utils import now_datetime


def make_ticket(**fields) -> str:
	doc = frappe.new_doc("Hazard Ticket")
	doc.update(
		{
			"status": "Registered",
			"source": "Routine",
			"grade": "General",
			"hazard_type": "Equipment",
			"date_found": now_datetime(),
			"description": f"Hidden danger {unique('')}",
			**fields,
		}
	)
	doc.name = fields.get("name") or unique("HT-T-")
	now = now_datetime()
	doc.owner = doc.modified_by = "Administrator"
	doc.creation = doc.modified = now
	doc.db_insert()
	return doc.name


def ticket_on_point(point: str, **fields) -> str:
	"""A ticket on a risk point with every Link filled from the point, its first live
	event and measure."""
	p = frappe.db.get_value(
		"Risk Point",
		point,
		["company", "department", "location", "asset", "responsible_employee"],
		as_dict=True,
	)
	event = (
		frappe.db.get_value(
			"Risk Event", {"risk_point": point, "status": "Active"}, ["name", "accident_type"], as_dict=True
		)
		or frappe._dict()
	)
	measure = frappe.db.get_value("Control Measure", {"risk_event": event.get("name")}, "name")
	employee = fields.pop("employee", None) or p.responsible_employee
	user = frappe.db.get_value("Employee", employee, "user_id")
	values = {
		"company": p.company,
		"department": p.department,
		"owning_department": p.department,
		"risk_point": point,
		"risk_event": event.get("name"),
		"control_measure": measure,
		"location": p.location,
		"asset": p.asset,
		"accident_type": event.get("accident_type"),
		"finder": employee,
		"finder_user": user,
		"rectification_owner": employee,
		"rectification_owner_user": user,
		"cost_center": frappe.get_cached_value("Company", p.company, "cost_center"),
		"major_criterion": frappe.db.get_value("Major Hidden Danger Criterion", {}, "name"),
		"item_class": "On-site",
		"internal_level": "Workshop",
		"handling": "By Deadline",
		"basis": "GB/T 50493",
		"rectification_measures": "Repair",
		"contingency_measures": "Portable gas checks",
		"funds": 1000,
	}
	values.update(fields)
	return make_ticket(**values)


def purge_tickets(names) -> None:
	names = list(names)
	if not names:
		return
	for doctype, field in (
		("ToDo", "reference_name"),
		("Comment", "reference_name"),
		("Notification Log", "document_name"),
		("Safety Reminder Log", "reference_name"),
		("DocShare", "share_name"),
	):
		frappe.db.delete(doctype, {field: ("in", names)})
	frappe.db.delete("Hazard Ticket Extension", {"parent": ("in", names)})
	frappe.db.delete("Hazard Ticket", {"name": ("in", names)})
	frappe.db.commit()
