# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import ScopedDocument
from dual_system.services import hazard


class HazardGovernancePlan(ScopedDocument, Document):
	"""The six elements of a major hidden danger's governance plan (DOMAIN.md §1.4).

	Submitting is approving: only a Company Principal may, and the server records
	who and when (``approved_by`` / ``approved_on``)."""

	def validate(self):
		hazard.validate_plan(self)

	def before_submit(self):
		hazard.approve_plan(self)

	def on_submit(self):
		hazard.link_plan(self)

	def on_cancel(self):
		hazard.unlink_plan(self)
