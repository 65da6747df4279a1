# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Rectification funds by cost centre and period, against the ERPNext Budget where one exists."""

from frappe import _

from dual_system.core.columns import column
from dual_system.services.hazard_ledger import funds_rows


def execute(filters=None):
	return get_columns(), funds_rows(filters)


def get_columns():
	return [
		column("cost_center", _("Cost Center"), "Data", 200),
		column("period", _("Period"), "Data", 100),
		column("tickets", _("Hidden Dangers"), "Int", 110),
		column("funds", _("Funds"), "Currency", 130),
		column("fiscal_year", _("Fiscal Year"), "Data", 100),
		column("budget", _("Budget (Fiscal Year)"), "Currency", 140),
		column("budget_share", _("Share of Budget"), "Percent", 110),
	]
