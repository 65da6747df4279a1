# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.utils.nestedset import NestedSet


class HazardFactorCategory(NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		category_name: DF.Data
		code: DF.Data
		description: DF.SmallText | None
		is_group: DF.Check
		lft: DF.Int
		old_parent: DF.Link | None
		parent_hazard_factor_category: DF.Link | None
		rgt: DF.Int
		standard_version: DF.Data | None
	# end: auto-generated types
	nsm_parent_field = "parent_hazard_factor_category"
