# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AccidentType(Document):
	def autoname(self):
		# GB 6441-1986 + 08 → GB6441-1986-08: a record keeps the standard it was classified under
		self.name = f"{self.standard_version.replace(' ', '')}-{self.code.strip()}"
