"""The rectification notice (整改通知单, DOMAIN.md §6.4 step 4) of a hazard ticket.

The "Rectification Notice" print format renders what :func:`get_rectification_notice_context`
gathers: the ticket's 五落实 (responsibility, measures, funds, deadline, contingency
plan), translated labels of its stored values and a QR code that opens the ticket.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import fmt_money, formatdate, get_url_to_form

from dual_system.services.card import lines, qr_code


def get_rectification_notice_context(ticket_name: str) -> frappe._dict:
	"""A Jinja method (hooks.py): checks read permission unless Frappe prints without it."""
	ticket = frappe.get_doc("Hazard Ticket", ticket_name)
	if not frappe.flags.ignore_print_permissions:
		ticket.check_permission("read")

	def label(value):
		return _(value) if value else ""

	def employee_name(employee):
		return frappe.db.get_value("Employee", employee, "employee_name") if employee else ""

	def department_name(department):
		return frappe.db.get_value("Department", department, "department_name") if department else ""

	point_name = (
		frappe.db.get_value("Risk Point", ticket.risk_point, "risk_point_name") if ticket.risk_point else ""
	)
	issuer = ticket.assigned_by or ticket.registered_by
	return frappe._dict(
		name=ticket.name,
		company=ticket.company,
		date_found=formatdate(ticket.date_found) if ticket.date_found else "",
		source=label(ticket.source),
		hazard_type=label(ticket.hazard_type),
		grade=label(ticket.grade),
		internal_level=label(ticket.internal_level),
		handling=label(ticket.handling),
		is_major=ticket.grade == "Major",
		risk_point=f"{ticket.risk_point} {point_name}".strip() if ticket.risk_point else "",
		location=ticket.location or "",
		description=lines(ticket.description),
		basis=lines(ticket.basis),
		finder=_("Anonymous") if ticket.is_anonymous else employee_name(ticket.finder),
		owning_department=department_name(ticket.owning_department or ticket.department),
		owner=employee_name(ticket.rectification_owner),
		measures=lines(ticket.rectification_measures),
		contingency=lines(ticket.contingency_measures),
		funds=fmt_money(
			ticket.funds, currency=frappe.get_cached_value("Company", ticket.company, "default_currency")
		)
		if ticket.funds
		else "",
		deadline=formatdate(ticket.deadline) if ticket.deadline else "",
		work_stopped=bool(ticket.work_stopped),
		issuer=frappe.utils.get_fullname(issuer) if issuer else "",
		issued_on=formatdate(ticket.get("assigned_on") or ticket.get("registered_on"))
		if ticket.get("assigned_on") or ticket.get("registered_on")
		else "",
		qr=qr_code(get_url_to_form("Hazard Ticket", ticket.name), scale=4),
	)
