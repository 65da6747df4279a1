# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import clear_scope_cache


class SafetyUserScope(Document):
	def on_update(self):
		clear_scope_cache()

	def on_trash(self):
		clear_scope_cache()
