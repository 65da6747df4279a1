# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import ScopedChild


class InspectionPlanDepartment(ScopedChild, Document):
	"""A department in an inspection plan's scope: the active control measures of the
	risk points of it and its sub-departments make the checklist."""

	pass
