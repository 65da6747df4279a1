# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class RiskEvaluationFactorValue(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		factor_code: DF.Data
		meaning: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		value: DF.Float
	# end: auto-generated types
	pass
