# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ForcedMajorReason(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.SmallText | None
		enabled: DF.Check
		reason: DF.Data
		reason_code: DF.Data
	# end: auto-generated types
	pass
