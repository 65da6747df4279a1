# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from dual_system.core.measures import NATIONAL_CLASSES, is_valid_national_class
from dual_system.permissions import ScopedDocument
from dual_system.services.errors import DualSystemValidationError


class ControlMeasureError(DualSystemValidationError):
	pass


class ControlMeasure(ScopedDocument, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		check_content: DF.SmallText | None
		check_standard: DF.SmallText | None
		checker_level: DF.Literal["", "Company Level", "Workshop Level", "Team Level", "Post Level"]
		checker_role: DF.Link | None
		company: DF.Link | None
		control_level: DF.Literal["", "Company Level", "Workshop Level", "Team Level", "Post Level"]
		cycle_unit: DF.Literal["Hour", "Day", "Week", "Month", "Year"]
		cycle_value: DF.Int
		department: DF.Link | None
		description: DF.SmallText
		measure_class: DF.Literal[
			"Engineering Technical Measures",
			"Management Measures",
			"Training and Education Measures",
			"Personal Protection Measures",
			"Emergency Response Measures",
		]
		naming_series: DF.Literal["CM-.YYYY.-.#####"]
		national_class_l1: DF.Literal[
			"", "Engineering Technology", "Maintenance", "Operating Behaviour", "Emergency Measures"
		]
		national_class_l2: DF.Literal[
			"",
			"Process Control",
			"Key Equipment or Parts",
			"Safety Accessories",
			"Safety Instrumentation",
			"Rotating Equipment",
			"Static Equipment",
			"Personnel Qualification",
			"Operating Records",
			"Shift Handover",
			"Emergency Facilities",
			"Personal Protective Equipment",
			"Fire-fighting",
			"Emergency Plans",
			"Other",
		]
		responsible_department: DF.Link | None
		responsible_employee_name: DF.Data | None
		risk_event: DF.Link
		risk_level: DF.Literal["", "Major", "Significant", "General", "Low"]
		risk_point: DF.Link | None
		source: DF.Literal["Existing", "Recommended", "Added"]
		status: DF.Literal["Active", "Planned", "Archived"]

	# end: auto-generated types
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
