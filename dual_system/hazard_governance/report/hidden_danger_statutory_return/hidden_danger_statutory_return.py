# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""The quarterly or annual hidden-danger statistics of Order No. 16 (DOMAIN.md §1.4),
signed by the main responsible person."""

from frappe import _
from frappe.utils import formatdate

from dual_system.services.hazard_ledger import statutory_return

FIGURES = (
	("found", "Hidden Dangers Found", "Int"),
	("general", "General Hidden Dangers", "Int"),
	("major", "Major Hidden Dangers", "Int"),
	("rectified", "Rectified (Closed)", "Int"),
	("rectification_rate", "Rectification Rate (%)", "Float"),
	("majors_rectified", "Major Hidden Dangers Rectified", "Int"),
	("majors_open", "Major Hidden Dangers Still Open", "Int"),
	("majors_with_plan", "Major Hidden Dangers with a Governance Plan", "Int"),
	("majors_reported", "Major Hidden Dangers Reported to the Authority", "Int"),
	("funds", "Rectification Funds", "Currency"),
)


def execute(filters=None):
	figures = statutory_return(filters)
	period = (
		_("{0} Q{1}").format(figures["year"], figures["quarter"])
		if figures["quarter"]
		else _("{0} (annual)").format(figures["year"])
	)
	rows = [
		{
			"figure": _("Period"),
			"value": f"{period}: {formatdate(figures['from_date'])} – {formatdate(figures['to_date'])}",
		},
		*({"figure": _(label), "value": figures[key], "key": key} for key, label, _type in FIGURES),
		{"figure": _("Due to the Authority by"), "value": formatdate(figures["due"])},
		{"figure": _("Signed by the Main Responsible Person"), "value": figures["signer"]},
	]
	return get_columns(), rows


def get_columns():
	return [
		{"fieldname": "figure", "label": _("Figure"), "fieldtype": "Data", "width": 360},
		{"fieldname": "value", "label": _("Value"), "fieldtype": "Data", "width": 260},
	]
