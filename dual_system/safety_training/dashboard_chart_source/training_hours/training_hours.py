# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Training hours of this year by training type, over the records the reader may see."""

import frappe

from dual_system.services.charts import chart_filters
from dual_system.services.training_reports import hours_by_type_chart_data


@frappe.whitelist()
def get(chart_name=None, chart=None, no_cache=None, filters=None, **kwargs):
	return hours_by_type_chart_data(chart_filters(chart_name, chart, filters).get("company"))
