# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import clear_scope_cache


class SafetyUserScope(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.dual_system.doctype.safety_user_scope_department.safety_user_scope_department import (
			SafetyUserScopeDepartment,
		)

		departments: DF.Table[SafetyUserScopeDepartment]
		full_name: DF.Data | None
		user: DF.Link

	# end: auto-generated types
	def on_update(self):
		clear_scope_cache()

	def on_trash(self):
		clear_scope_cache()
