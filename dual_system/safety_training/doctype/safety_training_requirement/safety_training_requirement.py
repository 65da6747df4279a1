# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""Who must have which training, how many hours a year, valid for how long
(DOMAIN.md §7), and which assignments need it (the training gate)."""

import frappe
from frappe import _
from frappe.model.document import Document

from dual_system.services.errors import TrainingRequirementError
from dual_system.services.training import check_department_company

TARGETS = {"Designation": "designation", "Department": "department", "Role": "role"}


class SafetyTrainingRequirement(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.safety_training.doctype.safety_training_requirement_purpose.safety_training_requirement_purpose import (
			SafetyTrainingRequirementPurpose,
		)

		applies_to: DF.Literal["Everyone", "Designation", "Department", "Role"]
		company: DF.Link
		department: DF.Link | None
		description: DF.SmallText | None
		designation: DF.Link | None
		disabled: DF.Check
		four_hundred_percent: DF.Literal[
			"",
			"Principals and Safety Managers Assessed",
			"Special Operations Workers Certified",
			"All Staff Trained",
			"Key Hazardous Work Trained",
		]
		gate_purposes: DF.TableMultiSelect[SafetyTrainingRequirementPurpose]
		min_hours_per_year: DF.Float
		naming_series: DF.Literal["STRQ-.#####"]
		role: DF.Link | None
		title: DF.Data | None
		training_type: DF.Link
		validity_months: DF.Int
	# end: auto-generated types

	def validate(self):
		self.validate_validity()
		self.validate_hours()
		self.validate_target()
		self.set_title()

	def validate_validity(self):
		if not self.validity_months or self.validity_months <= 0:
			frappe.throw(
				_("A training requirement needs a validity of at least one month"),
				exc=TrainingRequirementError,
				title=_("Validity Missing"),
			)

	def validate_hours(self):
		if (self.min_hours_per_year or 0) < 0:
			frappe.throw(
				_("Minimum hours per year cannot be negative"),
				exc=TrainingRequirementError,
				title=_("Invalid Hours"),
			)

	def validate_target(self):
		"""Only the field the requirement applies by is kept, and it must be set."""
		needed = TARGETS.get(self.applies_to)
		for field in TARGETS.values():
			if field != needed:
				self.set(field, None)
		if needed and not self.get(needed):
			frappe.throw(
				_("Choose the {0} this requirement applies to").format(_(self.meta.get_label(needed))),
				exc=TrainingRequirementError,
				title=_("Missing Value"),
			)
		check_department_company(self.department, self.company, TrainingRequirementError)

	def set_title(self):
		target = self.get(TARGETS.get(self.applies_to, "")) if self.applies_to != "Everyone" else None
		self.title = f"{self.training_type} · {target or 'Everyone'}"
