# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""风险分级管控清单: every live risk event with its evaluation, controls and owners."""

from frappe import _

from dual_system.services.registers import page_limit, risk_register_count, risk_register_rows


def execute(filters=None):
	rows = risk_register_rows(filters)
	limit = page_limit(filters)
	message = None
	if limit and len(rows) == limit:
		total = risk_register_count(filters)
		if total > limit:
			message = _(
				"Showing the {0} most severe of {1} risks. Choose All in Rows, or use Export All, for every row."
			).format(limit, total)
	return get_columns(), rows, message


def get_columns():
	return [
		{
			"fieldname": "risk_point",
			"label": _("Risk Point"),
			"fieldtype": "Link",
			"options": "Risk Point",
			"width": 90,
		},
		{"fieldname": "risk_point_name", "label": _("Risk Point Name"), "fieldtype": "Data", "width": 160},
		{"fieldname": "risk_point_type", "label": _("Type"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "location",
			"label": _("Location"),
			"fieldtype": "Link",
			"options": "Location",
			"width": 120,
		},
		{"fieldname": "step_or_item", "label": _("Job Step / Check Item"), "fieldtype": "Data", "width": 140},
		{"fieldname": "hazard", "label": _("Hazard or Potential Event"), "fieldtype": "Data", "width": 200},
		{
			"fieldname": "hazard_factor",
			"label": _("Hazard Factor (GB/T 13861)"),
			"fieldtype": "Data",
			"width": 160,
		},
		{"fieldname": "accident_type_name", "label": _("Accident Type"), "fieldtype": "Data", "width": 120},
		{
			"fieldname": "accident_type_standard",
			"label": _("Accident Type Standard"),
			"fieldtype": "Data",
			"width": 110,
		},
		{"fieldname": "consequence", "label": _("Consequence"), "fieldtype": "Data", "width": 140},
		{
			"fieldname": "evaluation_method",
			"label": _("Evaluation Method"),
			"fieldtype": "Link",
			"options": "Risk Evaluation Method",
			"width": 80,
		},
		{"fieldname": "factor_values", "label": _("Factor Values"), "fieldtype": "Data", "width": 130},
		{"fieldname": "score", "label": _("Score"), "fieldtype": "Float", "precision": 3, "width": 80},
		{"fieldname": "risk_level", "label": _("Risk Level"), "fieldtype": "Data", "width": 90},
		{"fieldname": "colour", "label": _("Colour"), "fieldtype": "Data", "width": 70},
		{
			"fieldname": "forced_major_reason",
			"label": _("Forced Major Reason"),
			"fieldtype": "Link",
			"options": "Forced Major Reason",
			"width": 120,
		},
		{
			"fieldname": "measures_engineering",
			"label": _("Engineering Technical Measures"),
			"fieldtype": "Small Text",
			"width": 200,
		},
		{
			"fieldname": "measures_management",
			"label": _("Management Measures"),
			"fieldtype": "Small Text",
			"width": 160,
		},
		{
			"fieldname": "measures_training",
			"label": _("Training and Education Measures"),
			"fieldtype": "Small Text",
			"width": 140,
		},
		{
			"fieldname": "measures_ppe",
			"label": _("Personal Protection Measures"),
			"fieldtype": "Small Text",
			"width": 140,
		},
		{
			"fieldname": "measures_emergency",
			"label": _("Emergency Response Measures"),
			"fieldtype": "Small Text",
			"width": 140,
		},
		{"fieldname": "control_level_label", "label": _("Control Level"), "fieldtype": "Data", "width": 100},
		{
			"fieldname": "responsible_department",
			"label": _("Responsible Department"),
			"fieldtype": "Link",
			"options": "Department",
			"width": 140,
		},
		{
			"fieldname": "responsible_employee_name",
			"label": _("Responsible Person"),
			"fieldtype": "Data",
			"width": 110,
		},
		{
			"fieldname": "main_responsible",
			"label": _("Main Responsible Person (包保)"),
			"fieldtype": "Data",
			"width": 110,
		},
		{
			"fieldname": "technical_responsible",
			"label": _("Technical Responsible Person (包保)"),
			"fieldtype": "Data",
			"width": 110,
		},
		{
			"fieldname": "operating_responsible",
			"label": _("Operating Responsible Person (包保)"),
			"fieldtype": "Data",
			"width": 110,
		},
		{
			"fieldname": "investigation_items",
			"label": _("Investigation Items"),
			"fieldtype": "Int",
			"width": 90,
		},
		{"fieldname": "last_review_date", "label": _("Last Review Date"), "fieldtype": "Date", "width": 100},
		{
			"fieldname": "name",
			"label": _("Risk Event"),
			"fieldtype": "Link",
			"options": "Risk Event",
			"width": 130,
		},
		{"fieldname": "level_key", "label": "level_key", "fieldtype": "Data", "hidden": 1},
	]
