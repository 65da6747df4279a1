# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Active risk points per control level (company → workshop → team → post)."""

import frappe

from dual_system.services.charts import chart_filters, control_level_chart


@frappe.whitelist()
def get(chart_name=None, chart=None, no_cache=None, filters=None, **kwargs):
	rows = frappe.get_list(
		"Risk Point",
		filters={"status": "Active", **chart_filters(chart_name, chart, filters)},
		fields=["current_control_level as level", "count(*) as count"],
		group_by="current_control_level",
	)
	return control_level_chart(rows)
