# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class MajorHiddenDangerCriterion(Document):
	def autoname(self):
		self.name = f"{self.standard_code.strip()}-{int(self.item_no):02d}"
