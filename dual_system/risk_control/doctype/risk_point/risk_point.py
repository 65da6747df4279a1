# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet

from dual_system.permissions import ScopedDocument
from dual_system.services import risk, training_gate
from dual_system.services.errors import DualSystemValidationError

MHI_PERSONS = ("main_responsible_person", "technical_responsible_person", "operating_responsible_person")
# kept up to date by the approval of assessments and the roll-up; not user input
DERIVED_FIELDS = (
	"current_risk_level",
	"current_control_level",
	"current_assessment",
	"live_event_count",
	"last_review_date",
	"needs_reassessment",
	"reassessment_reason",
	"reassessment_note",
)


class RiskPointError(DualSystemValidationError):
	pass


class RiskPoint(ScopedDocument, NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		asset: DF.Link | None
		company: DF.Link
		current_assessment: DF.Link | None
		current_control_level: DF.Literal["", "Company Level", "Workshop Level", "Team Level", "Post Level"]
		current_risk_level: DF.Literal["", "Major", "Significant", "General", "Low"]
		department: DF.Link | None
		description: DF.SmallText | None
		emergency_actions: DF.SmallText | None
		emergency_contact: DF.Data | None
		is_group: DF.Check
		is_major_hazard_installation: DF.Check
		last_review_date: DF.Date | None
		lft: DF.Int
		live_event_count: DF.Int
		location: DF.Link | None
		main_responsible_name: DF.Data | None
		main_responsible_person: DF.Link | None
		map_layout: DF.Link | None
		map_x: DF.Float
		map_y: DF.Float
		mhi_grade: DF.Literal["", "Grade 1", "Grade 2", "Grade 3", "Grade 4"]
		needs_reassessment: DF.Check
		old_parent: DF.Link | None
		operating_responsible_name: DF.Data | None
		operating_responsible_person: DF.Link | None
		parent_risk_point: DF.Link | None
		reassessment_note: DF.SmallText | None
		reassessment_reason: DF.Literal[
			"",
			"Process Change",
			"Incident",
			"New Standard",
			"Organisation Change",
			"Periodic Review",
			"Other",
		]
		responsible_employee: DF.Link | None
		responsible_employee_name: DF.Data | None
		review_due_date: DF.Date | None
		rgt: DF.Int
		risk_point_code: DF.Data
		risk_point_name: DF.Data
		risk_point_type: DF.Literal["Facility / Equipment", "Area / Site", "Work Activity"]
		safety_signs: DF.SmallText | None
		status: DF.Literal["Active", "Retired"]
		technical_responsible_name: DF.Data | None
		technical_responsible_person: DF.Link | None
	# end: auto-generated types
	nsm_parent_field = "parent_risk_point"

	def validate(self):
		self.keep_derived_fields()
		self.validate_company_kept()
		self.validate_department_company()
		self.validate_asset_company()
		self.validate_parent()
		self.validate_major_hazard_installation()
		self.validate_training_gate()

	def on_update(self):
		super().on_update()
		before = self.get_doc_before_save()
		if self.status == "Retired" and (not before or before.status != "Retired"):
			risk.retire_point(self.name)
		if before and before.department != self.department:
			risk.follow_point_department(self.name, before.department, self.department)
		if before and before.parent_risk_point != self.parent_risk_point:
			risk.refresh_risk_levels(before.parent_risk_point)
		if not before or before.status != self.status or before.parent_risk_point != self.parent_risk_point:
			risk.refresh_risk_levels(self.name)

	def on_trash(self):
		if frappe.db.exists("Risk Assessment", {"risk_point": self.name}):
			frappe.throw(
				_("Risk Point {0} has assessments on record: retire it instead of deleting it").format(
					frappe.bold(self.name)
				),
				exc=RiskPointError,
			)
		super().on_trash()

	def keep_derived_fields(self):
		before = self.get_doc_before_save()
		for field in DERIVED_FIELDS:
			self.set(field, before.get(field) if before else None)

	def validate_company_kept(self):
		before = self.get_doc_before_save()
		if (
			before
			and before.company != self.company
			and frappe.db.exists("Risk Assessment", {"risk_point": self.name})
		):
			frappe.throw(
				_("Risk Point {0} has assessments in {1}: it cannot move to another company").format(
					frappe.bold(self.name), frappe.bold(before.company)
				),
				exc=RiskPointError,
				title=_("Wrong Company"),
			)

	def validate_department_company(self):
		if not self.department:
			return
		company = frappe.db.get_value("Department", self.department, "company")
		if company and company != self.company:
			frappe.throw(
				_("Department {0} belongs to {1}, not to {2}").format(
					frappe.bold(self.department), frappe.bold(company), frappe.bold(self.company)
				),
				exc=RiskPointError,
				title=_("Wrong Company"),
			)

	def validate_asset_company(self):
		if not self.asset:
			return
		company = frappe.db.get_value("Asset", self.asset, "company")
		if company and company != self.company:
			frappe.throw(
				_("Asset {0} belongs to {1}, not to {2}").format(
					frappe.bold(self.asset), frappe.bold(company), frappe.bold(self.company)
				),
				exc=RiskPointError,
				title=_("Wrong Company"),
			)

	def validate_parent(self):
		if not self.parent_risk_point:
			return
		parent = frappe.db.get_value(
			"Risk Point", self.parent_risk_point, ["is_group", "company"], as_dict=True
		)
		if parent and not parent.is_group:
			frappe.throw(
				_(
					"Parent Risk Point {0} is not an analysis object: tick Is Analysis Object (Group) on it first"
				).format(frappe.bold(self.parent_risk_point)),
				exc=RiskPointError,
			)
		if parent and parent.company != self.company:
			frappe.throw(
				_("Parent Risk Point {0} belongs to {1}, not to {2}").format(
					frappe.bold(self.parent_risk_point),
					frappe.bold(parent.company),
					frappe.bold(self.company),
				),
				exc=RiskPointError,
			)

	def validate_major_hazard_installation(self):
		if not self.is_major_hazard_installation:
			return
		missing = [_(self.meta.get_label(f)) for f in MHI_PERSONS if not self.get(f)]
		if missing:
			frappe.throw(
				_(
					"A major hazard installation needs its three 包保 responsible persons; missing: {0}"
				).format(", ".join(missing)),
				exc=RiskPointError,
				title=_("Missing Responsible Persons"),
			)

	def validate_training_gate(self):
		"""A newly assigned 包保 person needs the training the requirements list for the
		duty (Dual System Settings → Training Gate: off, warn or block)."""
		if not self.is_major_hazard_installation:
			return
		before = self.get_doc_before_save()
		for field in MHI_PERSONS:
			employee = self.get(field)
			if not employee:
				continue
			if before and before.is_major_hazard_installation and before.get(field) == employee:
				continue
			training_gate.check(employee, training_gate.MAJOR_HAZARD_DUTY, _(self.meta.get_label(field)))

	@frappe.whitelist()
	def mark_needs_reassessment(self, reason: str, note: str | None = None):
		risk.mark_needs_reassessment(self.name, reason, note)
