# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""排查记录: every checklist row answered (or missed) in the period, in the reader's scope."""

from frappe import _

from dual_system.services.inspection_reports import investigation_records


def execute(filters=None):
	return get_columns(), investigation_records(filters)


def get_columns():
	return [
		{
			"fieldname": "task",
			"label": _("Inspection Task"),
			"fieldtype": "Link",
			"options": "Inspection Task",
			"width": 180,
		},
		{"fieldname": "plan_title", "label": _("Plan Title"), "fieldtype": "Data", "width": 160},
		{"fieldname": "slot_start", "label": _("Due From"), "fieldtype": "Datetime", "width": 150},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 80},
		{"fieldname": "completed_on", "label": _("Completed On"), "fieldtype": "Datetime", "width": 150},
		{"fieldname": "on_time", "label": _("On Time"), "fieldtype": "Check", "width": 70},
		{"fieldname": "assignee_name", "label": _("Investigator"), "fieldtype": "Data", "width": 120},
		{
			"fieldname": "department",
			"label": _("Department"),
			"fieldtype": "Link",
			"options": "Department",
			"width": 140,
		},
		{
			"fieldname": "risk_point",
			"label": _("Risk Point"),
			"fieldtype": "Link",
			"options": "Risk Point",
			"width": 100,
		},
		{
			"fieldname": "control_measure",
			"label": _("Control Measure"),
			"fieldtype": "Link",
			"options": "Control Measure",
			"width": 130,
		},
		{"fieldname": "content", "label": _("Check Content"), "fieldtype": "Data", "width": 220},
		{"fieldname": "result", "label": _("Result"), "fieldtype": "Data", "width": 90},
		{"fieldname": "note", "label": _("Note"), "fieldtype": "Data", "width": 180},
		{
			"fieldname": "hazard_ticket",
			"label": _("Hazard Ticket"),
			"fieldtype": "Link",
			"options": "Hazard Ticket",
			"width": 140,
		},
	]
