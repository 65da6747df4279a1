# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class DualSystemLeadingGroupMember(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		designation: DF.Link | None
		duties: DF.SmallText | None
		employee: DF.Link
		employee_name: DF.Data | None
		group_role: DF.Literal["Leader", "Deputy Leader", "Member", "Office"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
	pass
