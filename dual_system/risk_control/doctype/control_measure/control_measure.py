# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from dual_system.core.measures import NATIONAL_CLASSES, is_valid_national_class
from dual_system.services.errors import DualSystemValidationError


class ControlMeasureError(DualSystemValidationError):
	pass


class ControlMeasure(Document):
	def validate(self):
		self.validate_event_is_live()
		self.validate_national_class()

	def validate_event_is_live(self):
		if not self.is_new() or self.flags.ignore_event_status:
			return
		if frappe.db.get_value("Risk Event", self.risk_event, "status") == "Archived":
			frappe.throw(
				_(
					"Risk Event {0} is archived: add measures to the live event of the current revision"
				).format(frappe.bold(self.risk_event)),
				exc=ControlMeasureError,
			)

	def validate_national_class(self):
		if is_valid_national_class(self.national_class_l1, self.national_class_l2):
			return
		allowed = NATIONAL_CLASSES.get(self.national_class_l1 or "", ())
		frappe.throw(
			_("{0} {1} does not belong under {2} {3}; choose one of: {4}").format(
				_("National Class (Level 2)"),
				frappe.bold(_(self.national_class_l2)),
				_("National Class (Level 1)"),
				frappe.bold(_(self.national_class_l1 or "")),
				", ".join(_(c) for c in allowed) or _("set level 1 first"),
			),
			exc=ControlMeasureError,
			title=_("Invalid National Class"),
		)
