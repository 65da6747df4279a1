# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Open hidden dangers per grade (dynamic zeroing: no major left open)."""

import frappe

from dual_system.services.charts import chart_filters, hazard_chart


@frappe.whitelist()
def get(chart_name=None, chart=None, no_cache=None, filters=None, **kwargs):
	return hazard_chart("grade", chart_filters(chart_name, chart, filters))
