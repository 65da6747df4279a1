# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class InvestigationType(Document):
	def default_cycle(self, organisational_level: str | None):
		"""(interval, unit) of this type at the level, or of its first row."""
		for row in self.cycles:
			if row.organisational_level == organisational_level:
				return row.cycle_interval, row.cycle_unit
		return (self.cycles[0].cycle_interval, self.cycles[0].cycle_unit) if self.cycles else None
