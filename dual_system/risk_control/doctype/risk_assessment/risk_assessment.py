# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from dual_system.core.levels import LEVELS
from dual_system.core.scoring import highest_level
from dual_system.permissions import ScopedDocument
from dual_system.services import risk, signoff
from dual_system.services.errors import DualSystemValidationError
from dual_system.services.signoff import SignOffError


class AssessmentStateError(DualSystemValidationError):
	pass


class RiskAssessment(ScopedDocument, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.risk_control.doctype.risk_assessment_row.risk_assessment_row import RiskAssessmentRow

		amended_from: DF.Link | None
		analysed_on: DF.Datetime | None
		analysis_team: DF.SmallText | None
		analyst: DF.Link | None
		approved_on: DF.Datetime | None
		approver: DF.Link | None
		assessment_date: DF.Date
		company: DF.Link | None
		department: DF.Link | None
		evaluation_method: DF.Link
		has_major_risk: DF.Check
		highest_level: DF.Literal["", "Major", "Significant", "General", "Low"]
		identification_method: DF.Literal["", "JHA", "SCL"]
		is_current: DF.Check
		last_rejected_by: DF.Link | None
		naming_series: DF.Literal["RA-.YYYY.-.#####"]
		previous_revision: DF.Link | None
		reassessment_reason: DF.Literal[
			"",
			"Process Change",
			"Incident",
			"New Standard",
			"Organisation Change",
			"Periodic Review",
			"Other",
		]
		reviewed_on: DF.Datetime | None
		reviewer: DF.Link | None
		revision_no: DF.Int
		risk_point: DF.Link
		risk_point_name: DF.Data | None
		rows: DF.Table[RiskAssessmentRow]
		status: DF.Literal["Draft", "Pending Review", "Pending Approval", "Approved", "Superseded"]
		superseded_by: DF.Link | None
		superseded_on: DF.Date | None
		workflow_state: DF.Link | None

	# end: auto-generated types
	def before_validate(self):
		risk.apply_point_defaults(self)

	def validate(self):
		self.validate_risk_point()
		self.validate_one_open_assessment()
		self.validate_revision_chain()
		self.validate_rows()
		self.set_result()
		signoff.apply(self)

	def before_submit(self):
		if self.status != "Approved":
			frappe.throw(
				_("{0} is approved through its workflow's Approve action").format(frappe.bold(self.name)),
				exc=SignOffError,
				title=_("Not Approved"),
			)

	def on_submit(self):
		risk.approve(self)

	def before_cancel(self):
		frappe.throw(
			_("An approved assessment is not cancelled: use Revise to replace it with a new revision."),
			exc=AssessmentStateError,
			title=_("Not Allowed"),
		)

	# --- validation -----------------------------------------------------------------
	def validate_risk_point(self):
		status = frappe.db.get_value("Risk Point", self.risk_point, "status")
		if status == "Retired":
			frappe.throw(
				_("Risk Point {0} is retired and cannot be assessed").format(frappe.bold(self.risk_point)),
				exc=AssessmentStateError,
			)

	def validate_one_open_assessment(self):
		other = frappe.db.get_value(
			"Risk Assessment",
			{"risk_point": self.risk_point, "docstatus": 0, "name": ("!=", self.name or "")},
			"name",
		)
		if other:
			frappe.throw(
				_("Risk Point {0} already has an assessment in progress: {1}").format(
					frappe.bold(self.risk_point), frappe.bold(other)
				),
				exc=AssessmentStateError,
				title=_("Assessment in Progress"),
			)

	def validate_revision_chain(self):
		current = risk.current_assessment(self.risk_point, exclude=self.name)
		if current and self.previous_revision != current:
			frappe.throw(
				_(
					"Risk Point {0} already has the approved assessment {1}: open it and use Revise to start a new revision"
				).format(frappe.bold(self.risk_point), frappe.bold(current)),
				exc=AssessmentStateError,
				title=_("Use Revise"),
			)

	def validate_rows(self):
		before = self.get_doc_before_save()
		saved = {row.name: row.control_level for row in before.rows} if before else {}
		if not self.rows:
			frappe.throw(_("Add at least one row to identify and evaluate"), exc=DualSystemValidationError)
		for row in self.rows:
			label = _("Row {0}").format(row.idx)
			if not row.accident_type:
				frappe.throw(
					_("{0}: {1} is required; choose one of the {2} types in Accident Type").format(
						label,
						_("Accident Type"),
						frappe.db.get_value("Accident Type", {"enabled": 1}, "standard_version") or "",
					),
					exc=DualSystemValidationError,
					title=_("Missing Accident Type"),
				)
			risk.evaluate_row(self.evaluation_method, row, label, saved.get(row.name))

	def set_result(self):
		self.highest_level = highest_level(row.risk_level for row in self.rows)
		self.has_major_risk = int(self.highest_level == LEVELS[0])

	# --- actions ----------------------------------------------------------------------
	@frappe.whitelist()
	def revise(self, reason: str | None = None):
		return risk.revise(self.name, reason)
