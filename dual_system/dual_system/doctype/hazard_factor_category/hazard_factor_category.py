# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.utils.nestedset import NestedSet


class HazardFactorCategory(NestedSet):
	nsm_parent_field = "parent_hazard_factor_category"
