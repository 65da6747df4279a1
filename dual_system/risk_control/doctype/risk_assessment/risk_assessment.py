# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from dual_system.core.levels import LEVELS
from dual_system.core.scoring import highest_level
from dual_system.services import risk
from dual_system.services.errors import DualSystemValidationError


class SignOffError(DualSystemValidationError):
	"""Analyst, reviewer and approver must be three different people, in that order."""


class AssessmentStateError(DualSystemValidationError):
	pass


class RiskAssessment(Document):
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
		identification_method: DF.Literal["JHA", "SCL"]
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
	def validate(self):
		self.validate_risk_point()
		self.validate_one_open_assessment()
		self.validate_revision_chain()
		self.validate_rows()
		self.set_result()
		self.record_sign_off()

	def before_submit(self):
		self.check_sign_off_chain()
		self.approver = frappe.session.user
		self.approved_on = now_datetime()
		self.status = "Approved"

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
			risk.evaluate_row(self.evaluation_method, row, label)

	def set_result(self):
		self.highest_level = highest_level(row.risk_level for row in self.rows)
		self.has_major_risk = int(self.highest_level == LEVELS[0])

	# --- sign-off ---------------------------------------------------------------------
	def record_sign_off(self):
		"""Who did what is recorded from the status the workflow sets, whatever
		the workflow's states are called or how its transitions are drawn."""
		if self.docstatus != 0:
			return
		before = self.get_doc_before_save()
		previous = before.status if before else None
		if self.status == previous:
			return
		if before and before.get("workflow_state") == self.get("workflow_state"):
			frappe.throw(
				_("The status of an assessment changes only through its workflow actions"),
				exc=AssessmentStateError,
				title=_("Not Allowed"),
			)
		user = frappe.session.user
		if self.status == "Pending Review":
			self.analyst, self.analysed_on = user, now_datetime()
			self.reviewer = self.reviewed_on = None
		elif self.status == "Pending Approval":
			if not self.analyst:
				frappe.throw(
					_("{0} has not been submitted for review by an analyst").format(frappe.bold(self.name)),
					exc=SignOffError,
					title=_("Not Submitted for Review"),
				)
			if user == self.analyst:
				frappe.throw(
					_("The reviewer cannot be the analyst ({0}): another user must review").format(user),
					exc=SignOffError,
					title=_("Reviewer Is the Analyst"),
				)
			self.reviewer, self.reviewed_on = user, now_datetime()
		elif self.status == "Draft" and previous in ("Pending Review", "Pending Approval"):
			self.last_rejected_by = user
			self.analyst = self.analysed_on = self.reviewer = self.reviewed_on = None

	def check_sign_off_chain(self):
		user = frappe.session.user
		if not self.analyst:
			frappe.throw(
				_("{0} has not been submitted for review by an analyst").format(frappe.bold(self.name)),
				exc=SignOffError,
				title=_("Not Submitted for Review"),
			)
		before = self.get_doc_before_save()
		if not self.reviewer or not before or before.status != "Pending Approval":
			frappe.throw(
				_("{0} has not been reviewed: it cannot be approved").format(frappe.bold(self.name)),
				exc=SignOffError,
				title=_("Not Reviewed"),
			)
		if user == self.analyst:
			frappe.throw(
				_("The approver cannot be the analyst ({0}): another user must approve").format(user),
				exc=SignOffError,
				title=_("Approver Is the Analyst"),
			)
		if user == self.reviewer:
			frappe.throw(
				_("The approver cannot be the reviewer ({0}): another user must approve").format(user),
				exc=SignOffError,
				title=_("Approver Is the Reviewer"),
			)

	# --- actions ----------------------------------------------------------------------
	@frappe.whitelist()
	def revise(self, reason: str | None = None):
		return risk.revise(self.name, reason)
