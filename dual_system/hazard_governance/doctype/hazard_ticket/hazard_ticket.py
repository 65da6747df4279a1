# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import ScopedDocument


class HazardTicket(ScopedDocument, Document):
	"""A hidden danger (隐患) through its closed loop (DOMAIN.md §6.4).

	Not submittable: after the report a ticket passes many states (registered,
	assigned, rectifying, awaiting acceptance, closed, reopened) and the ledger
	keeps editing its acceptance and reporting fields, which a submitted document
	would only allow field by field. The workflow moves the status; the
	controller's invariants (services/hazard.py) hold whatever the workflow says.
	"""
