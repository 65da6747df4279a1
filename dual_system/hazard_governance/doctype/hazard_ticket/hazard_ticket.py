# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

from frappe.model.document import Document

from dual_system.permissions import ScopedDocument
from dual_system.services import hazard


class HazardTicket(ScopedDocument, Document):
	"""A hidden danger (隐患) through its closed loop (DOMAIN.md §6.4).

	Not submittable: after the report a ticket passes many states (registered,
	assigned, rectifying, awaiting acceptance, closed, reopened) and the ledger
	keeps editing its acceptance and reporting fields, which a submitted document
	would only allow field by field. The workflow moves the status; the
	controller's invariants (services/hazard.py) hold whatever the workflow says.
	"""

	def autoname(self):
		hazard.autoname(self)

	def before_insert(self):
		hazard.before_insert(self)

	def validate(self):
		hazard.validate(self)

	def after_insert(self):
		hazard.after_insert(self)

	def on_update(self):
		hazard.on_update(self)
