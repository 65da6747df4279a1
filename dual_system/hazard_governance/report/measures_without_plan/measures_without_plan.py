# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Active control measures that no enabled inspection plan checks, in the reader's scope."""

from frappe import _

from dual_system.core.columns import column
from dual_system.services.inspection_reports import measures_without_plan


def execute(filters=None):
	return get_columns(), measures_without_plan(filters)


def get_columns():
	return [
		column("name", _("Control Measure"), "Link", 140, options="Control Measure"),
		column("risk_point", _("Risk Point"), "Link", 100, options="Risk Point"),
		column("risk_event", _("Risk Event"), "Link", 130, options="Risk Event"),
		column("risk_level", _("Risk Level"), "Data", 90),
		column("control_level", _("Control Level"), "Data", 110),
		column("measure_class", _("Measure Class"), "Data", 160),
		column("description", _("Description"), "Data", 260),
		column("cycle_value", _("Cycle Interval"), "Int", 90),
		column("cycle_unit", _("Cycle Unit"), "Data", 80),
	]
