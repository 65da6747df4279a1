# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import ScopedChild


class InspectionPlanItem(ScopedChild, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		content: DF.SmallText
		control_measure: DF.Link | None
		item_class: DF.Literal["Basic Management", "On-site"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		risk_event: DF.Link | None
		risk_point: DF.Link | None
		standard: DF.SmallText | None
	# end: auto-generated types
	pass
