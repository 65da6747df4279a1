# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.core import investigation


class InvestigationType(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.hazard_governance.doctype.investigation_type_cycle.investigation_type_cycle import (
			InvestigationTypeCycle,
		)

		cycles: DF.Table[InvestigationTypeCycle]
		description: DF.SmallText | None
		disabled: DF.Check
		hazard_source_code: DF.Int
		type_name: DF.Data

	# end: auto-generated types
	def default_cycle(self, organisational_level: str | None):
		"""(interval, unit) of this type at the level (without a level: its only cycle), or
		None — the rule a new Inspection Plan follows (``core.investigation.default_cycle``)."""
		found = investigation.default_cycle([row.as_dict() for row in self.cycles], organisational_level)
		return (found.interval, found.unit) if found else None
