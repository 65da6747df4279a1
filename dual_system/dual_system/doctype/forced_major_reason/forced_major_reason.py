# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document


class ForcedMajorReason(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		default_for_major_hazard_installation: DF.Check
		description: DF.SmallText | None
		enabled: DF.Check
		reason: DF.Data
		reason_code: DF.Data

	# end: auto-generated types
	def on_update(self):
		"""One reason is the default for major hazard installations."""
		if self.default_for_major_hazard_installation:
			reason = frappe.qb.DocType("Forced Major Reason")
			frappe.qb.update(reason).set(reason.default_for_major_hazard_installation, 0).where(
				reason.name != self.name
			).run()
