# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""风险点登记台账: one row per risk point with its level and who controls it."""

from frappe import _

from dual_system.services.registers import risk_point_register_rows


def execute(filters=None):
	return get_columns(), risk_point_register_rows(filters)


def get_columns():
	return [
		{
			"fieldname": "risk_point",
			"label": _("Risk Point Code"),
			"fieldtype": "Link",
			"options": "Risk Point",
			"width": 100,
		},
		{"fieldname": "risk_point_name", "label": _("Risk Point Name"), "fieldtype": "Data", "width": 200},
		{"fieldname": "risk_point_type", "label": _("Type"), "fieldtype": "Data", "width": 120},
		{
			"fieldname": "possible_accidents",
			"label": _("Possible Accidents"),
			"fieldtype": "Data",
			"width": 200,
		},
		{
			"fieldname": "location",
			"label": _("Area"),
			"fieldtype": "Link",
			"options": "Location",
			"width": 130,
		},
		{"fieldname": "risk_level", "label": _("Risk Level"), "fieldtype": "Data", "width": 90},
		{"fieldname": "control_level", "label": _("Control Level"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "department",
			"label": _("Responsible Unit"),
			"fieldtype": "Link",
			"options": "Department",
			"width": 150,
		},
		{"fieldname": "responsible", "label": _("Responsible Person"), "fieldtype": "Data", "width": 120},
		{"fieldname": "remarks", "label": _("Remarks"), "fieldtype": "Data", "width": 200},
		{"fieldname": "level_key", "label": "level_key", "fieldtype": "Data", "hidden": 1},
	]
