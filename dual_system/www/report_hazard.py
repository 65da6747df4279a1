"""/report-hazard: report a hidden danger from a phone (随手拍)."""

from urllib.parse import urlencode

import frappe
from frappe import _

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		target = frappe.request.full_path.rstrip("?") if frappe.request else "/report-hazard"
		frappe.local.flags.redirect_location = "/login?" + urlencode({"redirect-to": target})
		raise frappe.Redirect
	from dual_system.api.hazard_report import REPORTER_ROLE, risk_points

	context.title = _("Report a Hidden Danger")
	context.allowed = REPORTER_ROLE in frappe.get_roles()
	context.points = risk_points() if context.allowed else []
	requested = frappe.form_dict.get("risk_point")
	context.selected = requested if any(p.name == requested for p in context.points) else ""
	context.locations = (
		frappe.get_all("Location", pluck="name", order_by="name asc") if context.allowed else []
	)
	context.instructions = frappe.db.get_single_value("Dual System Settings", "hazard_report_instructions")
	return context
