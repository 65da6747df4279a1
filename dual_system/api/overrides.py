"""Whitelisted Frappe methods that skip permissions, made permission-aware for
the app's department-scoped doctypes (hooks.override_whitelisted_methods)."""

import frappe
from frappe.client import get_count as frappe_get_count
from frappe.utils import cint

from dual_system.permissions import SCOPED_DOCTYPES


@frappe.whitelist()
def get_count(doctype, filters=None, debug=False, cache=False):
	"""Frappe 15's ``frappe.client.get_count`` counts with ``frappe.db.count``,
	which applies no permission at all: a user could count (and, with filters,
	probe) records outside their scope. For the scoped doctypes count what
	``frappe.get_list`` lets the user see."""
	if doctype not in SCOPED_DOCTYPES:
		return frappe_get_count(doctype, filters, debug, cache)
	from frappe.client import get_safe_filters

	rows = frappe.get_list(
		doctype, filters=get_safe_filters(filters), fields=["count(*) as count"], debug=debug
	)
	return cint(rows[0].count) if rows else 0
