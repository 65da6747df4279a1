# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""排查记录: every checklist row answered (or missed) in the period, in the reader's scope."""

from frappe import _

from dual_system.core.columns import column
from dual_system.services.inspection_reports import investigation_records


def execute(filters=None):
	return get_columns(), investigation_records(filters)


def get_columns():
	return [
		column("task", _("Inspection Task"), "Link", 180, options="Inspection Task"),
		column("plan_title", _("Plan Title"), "Data", 160),
		column("slot_start", _("Due From"), "Datetime", 150),
		column("status", _("Status"), "Data", 80),
		column("completed_on", _("Completed On"), "Datetime", 150),
		column("on_time", _("On Time"), "Check", 70),
		column("assignee_name", _("Investigator"), "Data", 120),
		column("department", _("Department"), "Link", 140, options="Department"),
		column("risk_point", _("Risk Point"), "Link", 100, options="Risk Point"),
		column("control_measure", _("Control Measure"), "Link", 130, options="Control Measure"),
		column("content", _("Check Content"), "Data", 220),
		column("result", _("Result"), "Data", 90),
		column("note", _("Note"), "Data", 180),
		column("hazard_ticket", _("Hazard Ticket"), "Link", 140, options="Hazard Ticket"),
	]
