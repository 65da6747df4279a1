# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class RiskEvaluationBand(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		band_label: DF.Data | None
		lower_bound: DF.Float
		lower_inclusive: DF.Check
		no_upper_bound: DF.Check
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		risk_level: DF.Literal["Major", "Significant", "General", "Low"]
		upper_bound: DF.Float
		upper_inclusive: DF.Check
	# end: auto-generated types
	pass
