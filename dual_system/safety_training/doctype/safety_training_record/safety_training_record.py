# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""One training on one employee's file (Work Safety Law art. 28: time, content,
trainer, hours, assessment result). Written by a completed session, or entered by
HR for training and assessments held elsewhere (the government assessment of
principals, special-operations certificates)."""

import frappe
from frappe import _
from frappe.model.document import Document

from dual_system.core import training as core
from dual_system.permissions import ScopedDocument
from dual_system.services.errors import (
	TrainingAttendeeError,
	TrainingHoursError,
	TrainingRecordError,
	TrainingScoreError,
)
from dual_system.services.training import check_hours

SESSION_FIELDS = ("source", "session")


class SafetyTrainingRecord(ScopedDocument, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		certificate: DF.Attach | None
		certificate_no: DF.Data | None
		company: DF.Link | None
		department: DF.Link | None
		designation: DF.Link | None
		employee: DF.Link
		employee_name: DF.Data | None
		hours: DF.Float
		naming_series: DF.Literal["STR-.YYYY.-.#####"]
		remarks: DF.SmallText | None
		result: DF.Literal["Passed", "Not Passed"]
		score: DF.Float
		session: DF.Link | None
		source: DF.Literal["External", "Session"]
		topic: DF.Data
		trainer: DF.Data | None
		training_date: DF.Date
		training_type: DF.Link
	# end: auto-generated types

	def validate(self):
		self.keep_session_records()
		self.validate_employee()
		self.validate_hours()
		self.validate_score()

	def on_trash(self):
		if self.session and not self.flags.from_session:
			frappe.throw(
				_("This training was recorded by session {0}: cancel the session to withdraw it").format(
					frappe.bold(self.session)
				),
				exc=TrainingRecordError,
				title=_("Not Allowed"),
			)

	def keep_session_records(self):
		"""What a session recorded changes only with the session (cancel and amend it)."""
		if self.flags.from_session:
			return
		before = None if self.is_new() else self.get_doc_before_save()
		if before is None:
			if self.session or self.source == "Session":
				frappe.throw(
					_("Training records of a session are written when the session is completed"),
					exc=TrainingRecordError,
					title=_("Not Allowed"),
				)
			return
		if before.session:
			frappe.throw(
				_(
					"This training was recorded by session {0}: cancel and amend the session to change it"
				).format(frappe.bold(before.session)),
				exc=TrainingRecordError,
				title=_("Not Allowed"),
			)
		if any((self.get(f) or None) != (before.get(f) or None) for f in SESSION_FIELDS):
			frappe.throw(_("The source of a training record cannot be changed"), exc=TrainingRecordError)

	def validate_employee(self):
		employee = frappe.db.get_value(
			"Employee",
			self.employee,
			["status", "company", "employee_name", "department", "designation"],
			as_dict=True,
		)
		if not employee or (self.is_new() and employee.status != "Active"):
			frappe.throw(
				_("{0} is not an active employee").format(frappe.bold(self.employee)),
				exc=TrainingAttendeeError,
				title=_("Invalid Employee"),
			)
		self.employee_name = employee.employee_name
		self.company = employee.company
		if self.is_new():
			# the department and designation at the time of the training
			self.department = self.department or employee.department
			self.designation = self.designation or employee.designation

	def validate_hours(self):
		check_hours(self.hours, TrainingHoursError)

	def validate_score(self):
		if not core.valid_score(self.score):
			frappe.throw(
				_("The score must lie between 0 and 100, not {0}").format(self.score),
				exc=TrainingScoreError,
				title=_("Invalid Score"),
			)
