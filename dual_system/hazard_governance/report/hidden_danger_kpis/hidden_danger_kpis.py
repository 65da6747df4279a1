# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Hidden-danger KPIs (DOMAIN.md §6.6) by period, department, rectification owner or 包保 type."""

from frappe import _

from dual_system.core.columns import column
from dual_system.services.hazard_ledger import kpi_rows


def execute(filters=None):
	return get_columns(), kpi_rows(filters)


def _col(fieldname, label, fieldtype="Int", width=100):
	"""Most KPI columns are counts."""
	return column(fieldname, label, fieldtype, width)


def get_columns():
	return [
		_col("group", _("Group"), "Data", 180),
		_col("found", _("Found")),
		_col("closed", _("Closed")),
		_col("rectification_rate", _("Rectification Rate"), "Percent"),
		_col("came_due", _("Came Due")),
		_col("closed_on_time", _("Closed on Time")),
		_col("on_time_rate", _("On-time Rate"), "Percent"),
		_col("majors_found", _("Majors Found")),
		_col("majors_closed", _("Majors Closed")),
		_col("major_closure_rate", _("Major Closure Rate"), "Percent"),
		_col("majors_open", _("Majors Open")),
		_col("open_overdue", _("Open Overdue")),
		_col("average_days_to_close", _("Average Days to Close"), "Float"),
		_col("repeat_rate", _("Repeat Rate"), "Percent"),
		_col("self_found_share", _("Self-found Share"), "Percent"),
		_col("failed_measure_share", _("Share from Failed Measures"), "Percent"),
		_col("employee_reports", _("Employee Reports")),
		_col("headcount", _("Headcount")),
		_col("reports_per_head", _("Reports per Head"), "Float"),
	]
