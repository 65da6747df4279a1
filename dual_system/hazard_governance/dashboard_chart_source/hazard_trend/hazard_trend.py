# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Hidden dangers found and closed per month over the last twelve months."""

import frappe

from dual_system.services.charts import hazard_trend


@frappe.whitelist()
def get(chart_name=None, chart=None, no_cache=None, filters=None, **kwargs):
	return hazard_trend(chart_name, chart, filters)
