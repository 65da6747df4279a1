# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class SafetyReminderLog(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		due_date: DF.Date | None
		recipient: DF.Link | None
		reference_doctype: DF.Link | None
		reference_name: DF.DynamicLink | None
		reminder_key: DF.Data
		reminder_type: DF.Data | None
		sent_on: DF.Datetime | None
	# end: auto-generated types
	pass
