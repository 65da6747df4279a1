# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Rectification funds by cost centre and period, against the ERPNext Budget where one exists."""

from frappe import _

from dual_system.services.hazard_ledger import funds_rows


def execute(filters=None):
	return get_columns(), funds_rows(filters)


def get_columns():
	return [
		{"fieldname": "cost_center", "label": _("Cost Center"), "fieldtype": "Data", "width": 200},
		{"fieldname": "period", "label": _("Period"), "fieldtype": "Data", "width": 100},
		{"fieldname": "tickets", "label": _("Hidden Dangers"), "fieldtype": "Int", "width": 110},
		{"fieldname": "funds", "label": _("Funds"), "fieldtype": "Currency", "width": 130},
		{"fieldname": "fiscal_year", "label": _("Fiscal Year"), "fieldtype": "Data", "width": 100},
		{"fieldname": "budget", "label": _("Budget (Fiscal Year)"), "fieldtype": "Currency", "width": 140},
		{"fieldname": "budget_share", "label": _("Share of Budget"), "fieldtype": "Percent", "width": 110},
	]
