# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""A safety training session: who was trained on what, by whom, for how long,
and how each attendee did. Completing it (the "Complete" workflow action, which
submits it) writes a training record on every present attendee's file; cancelling
a completed session withdraws them."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_datetime, now_datetime

from dual_system.core import training as core
from dual_system.permissions import ScopedDocument
from dual_system.services import signoff, training
from dual_system.services.errors import (
	TrainingAttendanceError,
	TrainingAttendeeError,
	TrainingHoursError,
	TrainingScoreError,
	TrainingSessionError,
)

ATTENDEE_FIELDS = ("employee_name", "department", "designation")


class SafetyTrainingSession(ScopedDocument, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.safety_training.doctype.safety_training_attendee.safety_training_attendee import (
			SafetyTrainingAttendee,
		)

		agenda: DF.TextEditor | None
		amended_from: DF.Link | None
		assessment_method: DF.Literal["Written Test", "Practical Test", "Oral Test", "Attendance Only"]
		attendee_count: DF.Int
		attendees: DF.Table[SafetyTrainingAttendee]
		cancelled_by: DF.Link | None
		cancelled_on: DF.Datetime | None
		company: DF.Link
		completed_by: DF.Link | None
		completed_on: DF.Datetime | None
		end_time: DF.Datetime | None
		hours: DF.Float
		materials: DF.Attach | None
		minutes: DF.TextEditor | None
		naming_series: DF.Literal["STS-.YYYY.-.#####"]
		organiser_department: DF.Link | None
		pass_mark: DF.Float
		passed_count: DF.Int
		photo: DF.AttachImage | None
		present_count: DF.Int
		start_time: DF.Datetime
		status: DF.Literal["Planned", "Completed", "Cancelled"]
		topic: DF.Data
		trainer_employee: DF.Link | None
		trainer_name: DF.Data | None
		trainer_organisation: DF.Data | None
		trainer_type: DF.Literal["Employee", "External"]
		training_type: DF.Link
		venue: DF.Data | None
		workflow_state: DF.Link | None
	# end: auto-generated types

	def validate(self):
		self.keep_cancelled_session()
		self.validate_hours()
		self.validate_schedule()
		self.validate_organiser_department()
		self.set_trainer()
		self.validate_attendees()
		self.validate_scores()
		self.set_results()
		signoff.apply(self)

	def before_submit(self):
		self.complete_without_workflow()
		self.validate_attendance_marked()

	def on_submit(self):
		training.record_session(self)

	def on_cancel(self):
		training.withdraw_session_records(self)
		self.db_set(
			{"status": "Cancelled", "cancelled_by": frappe.session.user, "cancelled_on": now_datetime()}
		)

	# --- checks ---------------------------------------------------------------------------
	def keep_cancelled_session(self):
		before = None if self.is_new() else self.get_doc_before_save()
		if before and before.status == "Cancelled":
			frappe.throw(
				_("Training session {0} was cancelled and cannot be changed").format(frappe.bold(self.name)),
				exc=TrainingSessionError,
				title=_("Cancelled"),
			)

	def validate_hours(self):
		training.check_hours(self.hours, TrainingHoursError)

	def validate_schedule(self):
		if self.end_time and get_datetime(self.end_time) < get_datetime(self.start_time):
			frappe.throw(
				_("The session cannot end before it starts"),
				exc=TrainingSessionError,
				title=_("Invalid Schedule"),
			)

	def validate_organiser_department(self):
		training.check_department_company(
			self.organiser_department,
			self.company,
			TrainingSessionError,
			companies=training.company_subtree(self.company),
		)

	def set_trainer(self):
		if self.trainer_type == "Employee":
			self.trainer_organisation = None
			self.trainer_name = (
				frappe.db.get_value("Employee", self.trainer_employee, "employee_name")
				if self.trainer_employee
				else None
			)
		else:
			self.trainer_employee = None

	def validate_attendees(self):
		"""Active employees of the company or its subsidiaries, each listed once, with
		their department and designation at the time of the session."""
		before = self.get_doc_before_save()
		training.check_employee_rows(
			self.attendees,
			self.company,
			ATTENDEE_FIELDS,
			TrainingAttendeeError,
			_("Invalid Attendee"),
			before_rows=before.attendees if before else [],
		)

	def validate_scores(self):
		for row in self.attendees:
			if not core.valid_score(row.score):
				frappe.throw(
					_("Row {0}: the score of {1} must lie between 0 and 100, not {2}").format(
						row.idx, frappe.bold(row.employee_name or row.employee), row.score
					),
					exc=TrainingScoreError,
					title=_("Invalid Score"),
				)
		if self.assessment_method != "Attendance Only" and not core.valid_score(self.pass_mark):
			frappe.throw(
				_("The pass mark must lie between 0 and 100, not {0}").format(self.pass_mark),
				exc=TrainingScoreError,
				title=_("Invalid Score"),
			)

	def set_results(self):
		pass_mark = None if self.assessment_method == "Attendance Only" else (self.pass_mark or 0)
		for row in self.attendees:
			row.passed = int(core.passed(row.attendance == "Present", row.score, pass_mark))
		self.attendee_count = len(self.attendees)
		self.present_count = sum(1 for row in self.attendees if row.attendance == "Present")
		self.passed_count = sum(1 for row in self.attendees if row.passed)

	def complete_without_workflow(self):
		"""Submitting is completing, also when an administrator turned the workflow off."""
		if self.status == "Completed":
			return
		spec = signoff.SIGN_OFFS[self.doctype]
		signoff.take(self, spec, spec.step("Completed"), self.status)
		self.status = "Completed"

	def validate_attendance_marked(self):
		if not self.attendees:
			frappe.throw(
				_("Add the attendees before completing the session"),
				exc=TrainingAttendanceError,
				title=_("No Attendees"),
			)
		unmarked = [row.employee_name or row.employee for row in self.attendees if not row.attendance]
		if unmarked:
			frappe.throw(
				_(
					"Mark the attendance of every attendee before completing the session; not marked: {0}"
				).format(", ".join(unmarked)),
				exc=TrainingAttendanceError,
				title=_("Attendance Not Marked"),
			)
