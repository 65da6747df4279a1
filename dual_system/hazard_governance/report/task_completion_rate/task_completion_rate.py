# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Task completion rate (DOMAIN.md §6.6): on time ÷ scheduled, by person, department or 包保 work type."""

from frappe import _

from dual_system.core.columns import column
from dual_system.services.inspection_reports import completion_rate


def execute(filters=None):
	return get_columns(), completion_rate(filters)


def get_columns():
	return [
		column("group", _("Group"), "Data", 200),
		column("scheduled", _("Scheduled"), "Int", 100),
		column("on_time", _("Done On Time"), "Int", 110),
		column("late", _("Done Late"), "Int", 100),
		column("missed", _("Missed"), "Int", 100),
		column("rate", _("Completion Rate (%)"), "Percent", 140),
	]
