# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import ScopedChild


class HazardTicketExtension(ScopedChild, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		approved_by: DF.Link | None
		approved_on: DF.Date | None
		new_deadline: DF.Date
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		previous_deadline: DF.Date | None
		reason: DF.SmallText
		requested_by: DF.Link | None
		requested_on: DF.Date | None
		status: DF.Literal["Pending", "Approved", "Rejected"]
	# end: auto-generated types
	pass
