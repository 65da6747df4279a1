# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""A 包保 person's (any investigator's) own task list."""

from frappe import _

from dual_system.core.columns import column
from dual_system.services.inspection_reports import my_tasks


def execute(filters=None):
	return get_columns(), my_tasks(filters)


def get_columns():
	return [
		column("name", _("Inspection Task"), "Link", 180, options="Inspection Task"),
		column("plan_title", _("Plan Title"), "Data", 180),
		column("baobao_work_type", _("Work Type"), "Data", 90),
		column("task_number", _("Task Number"), "Int", 80),
		column("risk_point", _("Risk Point"), "Link", 100, options="Risk Point"),
		column("slot_start", _("Due From"), "Datetime", 150),
		column("window_end", _("Due By"), "Datetime", 150),
		column("status", _("Status"), "Data", 80),
		column("completed_on", _("Completed On"), "Datetime", 150),
		column("defect_count", _("Defects"), "Int", 70),
	]
