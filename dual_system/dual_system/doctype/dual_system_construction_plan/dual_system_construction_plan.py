# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt
"""A company's plan for building the dual prevention mechanism: phases and
milestones with owners, due dates, status and evidence. Its progress is the
completed share of the milestones' weight; a group's progress adds up its
subsidiaries' milestones (report "Group Construction Progress")."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from dual_system.core import training as core
from dual_system.services.errors import ConstructionPlanError


class DualSystemConstructionPlan(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.dual_system.doctype.dual_system_construction_milestone.dual_system_construction_milestone import (
			DualSystemConstructionMilestone,
		)

		company: DF.Link
		company_abbr: DF.Data | None
		description: DF.TextEditor | None
		is_active: DF.Check
		milestones: DF.Table[DualSystemConstructionMilestone]
		milestones_completed: DF.Int
		milestones_total: DF.Int
		parent_company: DF.Link | None
		progress: DF.Percent
		start_date: DF.Date | None
		status: DF.Literal["Not Started", "In Progress", "Completed"]
		target_date: DF.Date | None
		title: DF.Data
	# end: auto-generated types

	def validate(self):
		self.validate_dates()
		self.validate_one_active_plan()
		self.validate_milestones()
		self.set_progress()

	def validate_dates(self):
		if self.start_date and self.target_date and getdate(self.target_date) < getdate(self.start_date):
			frappe.throw(
				_("The target date cannot be before the start date"),
				exc=ConstructionPlanError,
				title=_("Invalid Dates"),
			)

	def validate_one_active_plan(self):
		if not self.is_active:
			return
		other = frappe.db.get_value(
			self.doctype, {"company": self.company, "is_active": 1, "name": ("!=", self.name or "")}, "name"
		)
		if other:
			frappe.throw(
				_("{0} already has an active construction plan: {1}").format(
					frappe.bold(self.company), frappe.bold(other)
				),
				exc=ConstructionPlanError,
				title=_("Already Exists"),
			)

	def validate_milestones(self):
		"""A completed milestone says when and shows its evidence."""
		for row in self.milestones:
			if row.status != core.COMPLETED:
				row.completed_on = None
				continue
			if not (row.evidence or row.evidence_file):
				frappe.throw(
					_("Row {0}: milestone {1} is completed; record its evidence").format(
						row.idx, frappe.bold(row.milestone)
					),
					exc=ConstructionPlanError,
					title=_("Evidence Missing"),
				)
			row.completed_on = row.completed_on or nowdate()

	def set_progress(self):
		result = core.progress(milestones(self), getdate(nowdate()))
		self.progress = result.percent
		self.milestones_total = result.milestones
		self.milestones_completed = result.completed
		if result.milestones and result.completed == result.milestones:
			self.status = "Completed"
		elif any(row.status != "Not Started" for row in self.milestones):
			self.status = "In Progress"
		else:
			self.status = "Not Started"


def milestones(plan) -> list[core.Milestone]:
	return [
		core.Milestone(
			row.status, getdate(row.due_date) if row.due_date else None, row.weight or 1.0, row.phase
		)
		for row in plan.milestones
	]
