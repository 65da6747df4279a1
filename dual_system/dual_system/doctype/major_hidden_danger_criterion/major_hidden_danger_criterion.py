# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class MajorHiddenDangerCriterion(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		criterion: DF.Data
		description: DF.SmallText | None
		enabled: DF.Check
		item_no: DF.Int
		requires_expert_evaluation: DF.Check
		sector: DF.Data | None
		standard_code: DF.Data
		standard_title: DF.Data | None

	# end: auto-generated types
	def autoname(self):
		self.name = f"{self.standard_code.strip()}-{int(self.item_no):02d}"
