# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Active control measures that no enabled inspection plan checks, in the reader's scope."""

from frappe import _

from dual_system.services.inspection_reports import measures_without_plan


def execute(filters=None):
	return get_columns(), measures_without_plan(filters)


def get_columns():
	return [
		{
			"fieldname": "name",
			"label": _("Control Measure"),
			"fieldtype": "Link",
			"options": "Control Measure",
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
			"fieldname": "risk_event",
			"label": _("Risk Event"),
			"fieldtype": "Link",
			"options": "Risk Event",
			"width": 130,
		},
		{"fieldname": "risk_level", "label": _("Risk Level"), "fieldtype": "Data", "width": 90},
		{"fieldname": "control_level", "label": _("Control Level"), "fieldtype": "Data", "width": 110},
		{"fieldname": "measure_class", "label": _("Measure Class"), "fieldtype": "Data", "width": 160},
		{"fieldname": "description", "label": _("Description"), "fieldtype": "Data", "width": 260},
		{"fieldname": "cycle_value", "label": _("Cycle Interval"), "fieldtype": "Int", "width": 90},
		{"fieldname": "cycle_unit", "label": _("Cycle Unit"), "fieldtype": "Data", "width": 80},
	]
