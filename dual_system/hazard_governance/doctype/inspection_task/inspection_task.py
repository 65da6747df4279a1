# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from dual_system.core import schedule
from dual_system.permissions import ScopedDocument
from dual_system.services.inspection import InspectionTaskError


class InspectionTask(ScopedDocument, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.hazard_governance.doctype.inspection_task_item.inspection_task_item import (
			InspectionTaskItem,
		)

		assignee: DF.Link | None
		assignee_name: DF.Data | None
		assignee_user: DF.Link | None
		baobao_work_type: DF.Literal["Routine", "Main", "Technical", "Operating"]
		company: DF.Link | None
		completed_by: DF.Link | None
		completed_on: DF.Datetime | None
		defect_count: DF.Int
		department: DF.Link | None
		investigation_type: DF.Link | None
		items: DF.Table[InspectionTaskItem]
		on_time: DF.Check
		plan: DF.Link
		plan_title: DF.Data | None
		risk_point: DF.Link | None
		slot_start: DF.Datetime
		status: DF.Literal["Open", "Done", "Overdue", "Missed"]
		window_end: DF.Datetime

	# end: auto-generated types
	def autoname(self):
		self.name = schedule.task_name(self.plan, frappe.utils.get_datetime(self.slot_start))

	def validate(self):
		self.validate_record_is_closed()

	def validate_record_is_closed(self):
		"""A completed task is the investigation record: it is changed only by its completion."""
		if self.is_new() or self.flags.completing:
			return
		if self.get_db_value("status") == schedule.DONE:
			frappe.throw(
				_("Inspection task {0} is completed: its record cannot be changed").format(
					frappe.bold(self.name)
				),
				InspectionTaskError,
				title=_("Already Completed"),
			)

	def current_user(self) -> str | None:
		"""The user of the assignee employee now (a relinked employee moves the task)."""
		if self.assignee:
			return frappe.db.get_value("Employee", self.assignee, "user_id") or self.assignee_user
		return self.assignee_user


def on_doctype_update():
	frappe.db.add_unique("Inspection Task", ["plan", "slot_start"], constraint_name="unique_plan_slot")
	frappe.db.add_index("Inspection Task", ["status", "window_end"])
	frappe.db.add_index("Inspection Task", ["assignee", "status"])
