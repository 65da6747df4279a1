# Copyright (c) 2026, dual_system contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from dual_system.core import schedule
from dual_system.permissions import ScopedDocument
from dual_system.services import inspection, training_gate
from dual_system.services.inspection import InspectionPlanError


class InspectionPlan(ScopedDocument, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from dual_system.hazard_governance.doctype.inspection_plan_department.inspection_plan_department import (
			InspectionPlanDepartment,
		)
		from dual_system.hazard_governance.doctype.inspection_plan_item.inspection_plan_item import (
			InspectionPlanItem,
		)

		assignee: DF.Link | None
		assignee_department: DF.Link | None
		assignee_name: DF.Data | None
		assignee_role: DF.Link | None
		baobao_work_type: DF.Literal["Routine", "Main", "Technical", "Operating"]
		company: DF.Link
		control_measure: DF.Link | None
		cycle_interval: DF.Int
		cycle_unit: DF.Literal["", "Hour", "Day", "Week", "Month", "Year"]
		department: DF.Link | None
		enabled: DF.Check
		end_date: DF.Date | None
		generated_until: DF.Datetime | None
		investigation_type: DF.Link
		items: DF.Table[InspectionPlanItem]
		naming_series: DF.Literal["IP-.YYYY.-.#####"]
		organisational_level: DF.Literal["", "Company Level", "Workshop Level", "Team Level", "Post Level"]
		plan_title: DF.Data
		risk_event: DF.Link | None
		risk_point: DF.Link | None
		scope_departments: DF.TableMultiSelect[InspectionPlanDepartment]
		start_date: DF.Date
		task_number: DF.Int
		work_day_type: DF.Literal["Every Day", "Working Days", "Non-working Days"]
		work_end: DF.Time | None
		work_start: DF.Time | None

	# end: auto-generated types
	def validate(self):
		if self.is_new() or self.flags.in_insert:  # a dict given to get_doc is not "new"
			self.set_default_cycle()
		self.validate_cycle()
		self.validate_dates()
		self.validate_scope()
		self.fill_checklist()
		self.validate_checklist()
		self.validate_assignee()
		self.validate_task_number()

	def set_default_cycle(self):
		"""A new plan whose cycle was left empty takes its investigation type's default
		cycle for its organisational level (DOMAIN.md §6.1), else one day."""
		if self.cycle_interval or self.cycle_unit:
			return
		default = inspection.type_default_cycle(self.investigation_type, self.organisational_level)
		if default:
			self.cycle_interval, self.cycle_unit = default.interval, default.unit
			self.organisational_level = self.organisational_level or default.organisational_level
		else:
			self.cycle_interval, self.cycle_unit = 1, schedule.DAY

	def validate_cycle(self):
		if self.cycle_unit != schedule.HOUR:
			self.work_start = self.work_end = None
		elif self.work_start and inspection._time(self.work_start) == inspection._time(self.work_end):
			# no work hours: Frappe sets every Time field of a new record to the current time
			self.work_start = self.work_end = None
		try:
			schedule.validate_cycle(inspection.plan_cycle(self))
		except schedule.ScheduleError as error:
			frappe.throw(inspection.cycle_error_message(error), InspectionPlanError, title=_("Invalid Cycle"))

	def validate_dates(self):
		if self.end_date and self.start_date and getdate(self.end_date) < getdate(self.start_date):
			frappe.throw(
				_("The end date is before the start date"), InspectionPlanError, title=_("Invalid Dates")
			)

	def validate_scope(self):
		"""Every record in scope belongs to the plan's company; a narrower scope lies inside a wider one."""
		for fieldname, doctype in (
			("risk_point", "Risk Point"),
			("risk_event", "Risk Event"),
			("control_measure", "Control Measure"),
		):
			value = self.get(fieldname)
			if value and frappe.db.get_value(doctype, value, "company") != self.company:
				frappe.throw(
					_("{0} {1} belongs to another company than {2}").format(
						_(doctype), frappe.bold(value), frappe.bold(self.company)
					),
					InspectionPlanError,
					title=_("Invalid Scope"),
				)
		self.validate_scope_departments()
		if self.control_measure:
			event, point = frappe.db.get_value(
				"Control Measure", self.control_measure, ["risk_event", "risk_point"]
			)
			self.risk_event = self.risk_event or event
			self.risk_point = self.risk_point or point
		if self.risk_event and not self.risk_point:
			self.risk_point = frappe.db.get_value("Risk Event", self.risk_event, "risk_point")

	def validate_scope_departments(self):
		"""A department-level plan: its departments belong to the plan's company, and it is
		not also scoped to a risk point, event or measure (which would take precedence)."""
		departments = list(
			dict.fromkeys(row.department for row in self.get("scope_departments") or () if row.department)
		)
		if not departments:
			return
		if self.risk_point or self.risk_event or self.control_measure:
			frappe.throw(
				_("Scope a plan either by a risk point, risk event or control measure, or by departments"),
				InspectionPlanError,
				title=_("Invalid Scope"),
			)
		companies = dict(
			frappe.get_all("Department", {"name": ("in", departments)}, ["name", "company"], as_list=True)
		)
		for department in departments:
			if companies.get(department) != self.company:
				frappe.throw(
					_("{0} {1} belongs to another company than {2}").format(
						_("Department"), frappe.bold(department), frappe.bold(self.company)
					),
					InspectionPlanError,
					title=_("Invalid Scope"),
				)
		# a plan of one department belongs to it (its safety lead reads the plan and its tasks)
		if not self.department and len(departments) == 1:
			self.department = departments[0]

	def fill_checklist(self):
		if self.items:
			return
		measures = inspection.scoped_measures(
			self.control_measure,
			self.risk_event,
			self.risk_point,
			departments=[row.department for row in self.get("scope_departments") or () if row.department],
			company=self.company,
		)
		for row in inspection.checklist_rows(measures):
			self.append("items", row)

	def validate_checklist(self):
		if not self.items:
			frappe.throw(
				_(
					"The checklist is empty: choose a risk point, event, measure or departments with active control measures, or add rows"
				),
				InspectionPlanError,
				title=_("Empty Checklist"),
			)
		measures = [row.control_measure for row in self.items if row.control_measure]
		found = (
			{
				m.name: m
				for m in frappe.get_all(
					"Control Measure",
					{"name": ("in", measures)},
					["name", "company", "risk_event", "risk_point"],
				)
			}
			if measures
			else {}
		)
		for row in self.items:
			if not row.control_measure:
				continue
			measure = found.get(row.control_measure)
			if measure and measure.company and measure.company != self.company:
				frappe.throw(
					_("Row {0}: control measure {1} belongs to another company than {2}").format(
						row.idx, frappe.bold(row.control_measure), frappe.bold(self.company)
					),
					InspectionPlanError,
					title=_("Invalid Scope"),
				)
			if measure:
				row.risk_event, row.risk_point = measure.risk_event, measure.risk_point

	def validate_assignee(self):
		if not self.assignee and not (self.assignee_role and self.assignee_department):
			frappe.throw(
				_("Choose an assignee, or an assignee role within a department"),
				InspectionPlanError,
				title=_("No Investigator"),
			)
		if self.assignee:
			company = frappe.db.get_value("Employee", self.assignee, "company")
			if company != self.company:
				frappe.throw(
					_("Assignee {0} is not an employee of {1}").format(
						frappe.bold(self.assignee), frappe.bold(self.company)
					),
					InspectionPlanError,
				)
			if self.is_new() or self.has_value_changed("assignee"):
				training_gate.check(
					self.assignee, training_gate.INSPECTION_TASK, _("inspection task assignee")
				)

	def validate_task_number(self):
		if self.baobao_work_type == "Routine":
			self.task_number = 0
		elif (self.task_number or 0) <= 0:
			frappe.throw(
				_("A 包保 task needs its item number in the responsible person's task list"),
				InspectionPlanError,
			)

	def on_update(self):
		# a changed cycle or checklist applies to tasks not generated yet
		if not self.is_new() and any(
			self.has_value_changed(f)
			for f in ("cycle_interval", "cycle_unit", "work_day_type", "work_start", "work_end", "start_date")
		):
			frappe.db.set_value(self.doctype, self.name, "generated_until", None, update_modified=False)
