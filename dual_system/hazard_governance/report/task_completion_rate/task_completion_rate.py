# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Task completion rate (DOMAIN.md §6.6): on time ÷ scheduled, by person, department or 包保 work type."""

from frappe import _

from dual_system.services.inspection_reports import completion_rate


def execute(filters=None):
	return get_columns(), completion_rate(filters)


def get_columns():
	return [
		{"fieldname": "group", "label": _("Group"), "fieldtype": "Data", "width": 200},
		{"fieldname": "scheduled", "label": _("Scheduled"), "fieldtype": "Int", "width": 100},
		{"fieldname": "on_time", "label": _("Done On Time"), "fieldtype": "Int", "width": 110},
		{"fieldname": "late", "label": _("Done Late"), "fieldtype": "Int", "width": 100},
		{"fieldname": "missed", "label": _("Missed"), "fieldtype": "Int", "width": 100},
		{"fieldname": "rate", "label": _("Completion Rate (%)"), "fieldtype": "Percent", "width": 140},
	]
