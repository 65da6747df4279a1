# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet

from dual_system.services import risk
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


class RiskPoint(NestedSet):
	nsm_parent_field = "parent_risk_point"

	def validate(self):
		self.keep_derived_fields()
		self.validate_department_company()
		self.validate_asset_company()
		self.validate_parent()
		self.validate_major_hazard_installation()

	def on_update(self):
		super().on_update()
		before = self.get_doc_before_save()
		if self.status == "Retired" and (not before or before.status != "Retired"):
			risk.retire_point(self.name)
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

	@frappe.whitelist()
	def mark_needs_reassessment(self, reason: str, note: str | None = None):
		risk.mark_needs_reassessment(self.name, reason, note)
