# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class InvestigationTypeCycle(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		cycle_interval: DF.Int
		cycle_unit: DF.Literal["Hour", "Day", "Week", "Month", "Year"]
		note: DF.Data | None
		organisational_level: DF.Literal["Company Level", "Workshop Level", "Team Level", "Post Level"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
	pass
