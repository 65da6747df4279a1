# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Dual-system construction progress of each company of the reader's group, the group first."""

import frappe

from dual_system.services.charts import chart_filters
from dual_system.services.training_reports import progress_chart_data


@frappe.whitelist()
def get(chart_name=None, chart=None, no_cache=None, filters=None, **kwargs):
	return progress_chart_data(chart_filters(chart_name, chart, filters).get("company"))
