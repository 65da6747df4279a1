# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import ScopedDocument
from dual_system.services import hazard


# The six elements of a major hidden danger's governance plan (DOMAIN.md §1.4).
# Submitting is approving: only a Company Principal may, and the server records who and
# when (approved_by / approved_on).
class HazardGovernancePlan(ScopedDocument, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amended_from: DF.Link | None
		approved_by: DF.Link | None
		approved_on: DF.Datetime | None
		company: DF.Link | None
		funds: DF.Currency
		funds_and_materials: DF.SmallText
		hazard_ticket: DF.Link
		methods_and_measures: DF.SmallText
		naming_series: DF.Literal["HGP-.YYYY.-.#####"]
		objectives_and_tasks: DF.SmallText
		responsible_body_and_people: DF.SmallText
		safety_and_emergency_measures: DF.SmallText
		ticket_description: DF.SmallText | None
		time_limits_and_requirements: DF.SmallText

	# end: auto-generated types
	def validate(self):
		hazard.validate_plan(self)

	def before_submit(self):
		hazard.approve_plan(self)

	def on_submit(self):
		hazard.link_plan(self)

	def on_cancel(self):
		hazard.unlink_plan(self)
