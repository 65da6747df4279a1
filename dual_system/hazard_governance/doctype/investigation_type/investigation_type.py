# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.core import investigation


class InvestigationType(Document):
	def default_cycle(self, organisational_level: str | None):
		"""(interval, unit) of this type at the level (without a level: its only cycle), or
		None — the rule a new Inspection Plan follows (``core.investigation.default_cycle``)."""
		found = investigation.default_cycle([row.as_dict() for row in self.cycles], organisational_level)
		return (found.interval, found.unit) if found else None
