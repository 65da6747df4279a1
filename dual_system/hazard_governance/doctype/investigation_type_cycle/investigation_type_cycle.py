# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document


class InvestigationTypeCycle(Document):
	pass
