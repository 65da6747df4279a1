# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class DualSystemConstructionMilestone(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		completed_on: DF.Date | None
		due_date: DF.Date | None
		evidence: DF.SmallText | None
		evidence_file: DF.Attach | None
		milestone: DF.Data
		owner_employee: DF.Link | None
		owner_name: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		phase: DF.Data
		status: DF.Literal["Not Started", "In Progress", "Completed"]
		weight: DF.Float
	# end: auto-generated types
	pass
