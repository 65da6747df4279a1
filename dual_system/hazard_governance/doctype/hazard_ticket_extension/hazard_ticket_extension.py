# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import ScopedChild


class HazardTicketExtension(ScopedChild, Document):
	pass
