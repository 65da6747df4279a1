# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Live risk events per level, with the level colours and translated names."""

import frappe

from dual_system.services.charts import chart_filters, level_chart


@frappe.whitelist()
def get(chart_name=None, chart=None, no_cache=None, filters=None, **kwargs):
	rows = frappe.get_list(
		"Risk Event",
		filters={"status": "Active", **chart_filters(chart_name, chart, filters)},
		fields=["risk_level as level", "count(*) as count"],
		group_by="risk_level",
	)
	return level_chart(rows)
