# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""An editable list of training types (dual system, the three-level induction at
plant, workshop and team level, special operations, post change…)."""

from frappe.model.document import Document

INDUCTION = "Three-Level Induction"


class SafetyTrainingType(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		category: DF.Literal[
			"Dual System",
			"Three-Level Induction",
			"Special Operations",
			"Post Change",
			"New Process or Equipment",
			"Annual Refresher",
			"Principal and Safety Manager",
			"Other",
		]
		description: DF.SmallText | None
		disabled: DF.Check
		induction_level: DF.Literal["", "Plant Level", "Workshop Level", "Team Level"]
		training_type_name: DF.Data
	# end: auto-generated types

	def validate(self):
		if self.category != INDUCTION:
			self.induction_level = None
