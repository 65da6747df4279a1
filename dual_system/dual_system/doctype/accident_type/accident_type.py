# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AccidentType(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accident_type_name: DF.Data
		code: DF.Data
		description: DF.SmallText | None
		enabled: DF.Check
		standard_version: DF.Data

	# end: auto-generated types
	def autoname(self):
		# GB 6441-1986 + 08 → GB6441-1986-08: a record keeps the standard it was classified under
		self.name = f"{self.standard_version.replace(' ', '')}-{self.code.strip()}"
