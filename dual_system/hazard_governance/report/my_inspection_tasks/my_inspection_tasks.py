# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""A 包保 person's (any investigator's) own task list."""

from frappe import _

from dual_system.services.inspection_reports import my_tasks


def execute(filters=None):
	return get_columns(), my_tasks(filters)


def get_columns():
	return [
		{
			"fieldname": "name",
			"label": _("Inspection Task"),
			"fieldtype": "Link",
			"options": "Inspection Task",
			"width": 180,
		},
		{"fieldname": "plan_title", "label": _("Plan Title"), "fieldtype": "Data", "width": 180},
		{"fieldname": "baobao_work_type", "label": _("Work Type"), "fieldtype": "Data", "width": 90},
		{"fieldname": "task_number", "label": _("Task Number"), "fieldtype": "Int", "width": 80},
		{
			"fieldname": "risk_point",
			"label": _("Risk Point"),
			"fieldtype": "Link",
			"options": "Risk Point",
			"width": 100,
		},
		{"fieldname": "slot_start", "label": _("Due From"), "fieldtype": "Datetime", "width": 150},
		{"fieldname": "window_end", "label": _("Due By"), "fieldtype": "Datetime", "width": 150},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 80},
		{"fieldname": "completed_on", "label": _("Completed On"), "fieldtype": "Datetime", "width": 150},
		{"fieldname": "defect_count", "label": _("Defects"), "fieldtype": "Int", "width": 70},
	]
