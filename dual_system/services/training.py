"""Training records, compliance and attendee selection (DOMAIN.md §7).

The rules live in ``dual_system.core.training``; this module reads what they need
— employees with their departments and roles, requirements, passed training
records — in a few queries per company, and writes the records a completed
session leaves on each attendee's file.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

import frappe
from frappe import _
from frappe.utils import cint, get_datetime, getdate, nowdate

from dual_system.core import training as core
from dual_system.permissions import StaffScope

RECORD = "Safety Training Record"
REQUIREMENT = "Safety Training Requirement"


def settings():
	return frappe.get_cached_doc("Dual System Settings")


def warn_days() -> int:
	value = settings().get("training_expiry_warn_days")
	return 30 if value is None else cint(value)


def company_subtree(company: str) -> list[str]:
	"""The company and its subsidiaries (ERPNext's Company tree)."""
	bounds = frappe.db.get_value("Company", company, ["lft", "rgt"])
	if not bounds or not bounds[0]:
		return [company]
	return frappe.get_all("Company", {"lft": (">=", bounds[0]), "rgt": ("<=", bounds[1])}, pluck="name")


def department_subtree(department: str) -> list[str]:
	bounds = frappe.db.get_value("Department", department, ["lft", "rgt"])
	if not bounds:
		return [department]
	return frappe.get_all("Department", {"lft": (">=", bounds[0]), "rgt": ("<=", bounds[1])}, pluck="name")


# --- shared validators ----------------------------------------------------------------------
def check_employee_rows(rows, company: str, fields: tuple[str, ...], exc, title: str, before_rows=None):
	"""Rows naming employees (attendees, group members): each an active employee of
	the company or of one of its subsidiaries (a group trains its branch companies'
	heads), listed once. ``fields`` are copied from the employee onto new or changed
	rows; with ``before_rows`` an unchanged row keeps its values (those at the time)."""
	companies = set(company_subtree(company))
	before = {row.name: row for row in before_rows or []}
	seen = {}
	for row in rows:
		employee = frappe.db.get_value("Employee", row.employee, ["status", "company", *fields], as_dict=True)
		if not employee or employee.status != "Active" or employee.company not in companies:
			frappe.throw(
				_("Row {0}: {1} is not an active employee of {2}").format(
					row.idx, frappe.bold(row.employee), frappe.bold(company)
				),
				exc=exc,
				title=title,
			)
		if row.employee in seen:
			frappe.throw(
				_("Row {0}: {1} is already listed in row {2}").format(
					row.idx, frappe.bold(employee.get("employee_name") or row.employee), seen[row.employee]
				),
				exc=exc,
				title=title,
			)
		seen[row.employee] = row.idx
		old = before.get(row.name)
		if before_rows is None or not old or old.employee != row.employee:
			row.update({f: employee.get(f) for f in fields})


def check_hours(hours, exc) -> None:
	if not hours or hours <= 0:
		frappe.throw(
			_("Training hours must be more than 0, not {0}").format(frappe.bold(hours or 0)),
			exc=exc,
			title=_("Invalid Hours"),
		)


def check_department_company(department: str | None, company: str, exc, companies=None) -> None:
	"""A department chosen for a record belongs to its company (or to ``companies``)."""
	if not department:
		return
	owner = frappe.db.get_value("Department", department, "company")
	if owner and owner not in (companies or [company]):
		frappe.throw(
			_("Department {0} belongs to {1}, not to {2}").format(
				frappe.bold(department), frappe.bold(owner), frappe.bold(company)
			),
			exc=exc,
			title=_("Wrong Company"),
		)


# --- people ---------------------------------------------------------------------------------
@dataclass
class Employee:
	name: str
	employee_name: str
	company: str
	department: str | None
	designation: str | None
	user_id: str | None
	date_of_joining: datetime.date | None
	person: core.Person = field(repr=False, default=None)


def active_employees(
	companies: list[str],
	department: str | None = None,
	employees: list[str] | None = None,
	scope: StaffScope | None = None,
) -> list[Employee]:
	"""Active employees of the companies (of a department subtree, of a list), each
	with what decides which requirements apply: designation, department lineage, roles."""
	filters = {"status": "Active", "company": ("in", companies)}
	if department:
		filters["department"] = ("in", department_subtree(department))
	if employees is not None:
		filters["name"] = ("in", employees or [""])
	rows = frappe.get_all(
		"Employee",
		filters=filters,
		fields=[
			"name",
			"employee_name",
			"company",
			"department",
			"designation",
			"user_id",
			"date_of_joining",
		],
		order_by="employee_name asc, name asc",
	)
	if scope is not None:
		rows = [r for r in rows if scope.allows(r.company, r.department, r.name)]
	lineage = _department_lineage({r.department for r in rows if r.department})
	roles = _roles({r.user_id for r in rows if r.user_id})
	out = []
	for r in rows:
		employee = Employee(
			r.name,
			r.employee_name,
			r.company,
			r.department,
			r.designation,
			r.user_id,
			getdate(r.date_of_joining) if r.date_of_joining else None,
		)
		employee.person = core.Person(
			employee=r.name,
			company=r.company,
			designation=r.designation,
			departments=lineage.get(r.department, frozenset()),
			roles=roles.get(r.user_id, frozenset()),
			date_of_joining=employee.date_of_joining,
		)
		out.append(employee)
	return out


def _department_lineage(departments: set[str]) -> dict[str, frozenset[str]]:
	"""Each department with all its ancestors (a requirement for a department covers its subtree)."""
	if not departments:
		return {}
	dept = frappe.qb.DocType("Department")
	bounds = (
		frappe.qb.from_(dept)
		.select(dept.name, dept.lft, dept.rgt)
		.where(dept.name.isin(sorted(departments)))
		.run(as_dict=True)
	)
	out = {}
	for b in bounds:
		out[b.name] = frozenset(
			frappe.get_all("Department", {"lft": ("<=", b.lft), "rgt": (">=", b.rgt)}, pluck="name")
		)
	return out


def _roles(users: set[str]) -> dict[str, frozenset[str]]:
	if not users:
		return {}
	out: dict[str, set[str]] = defaultdict(set)
	for user, role in frappe.get_all(
		"Has Role",
		filters={"parent": ("in", sorted(users)), "parenttype": "User"},
		fields=["parent", "role"],
		as_list=True,
	):
		out[user].add(role)
	return {user: frozenset(roles) for user, roles in out.items()}


# --- requirements ---------------------------------------------------------------------------
def active_requirements(
	companies: list[str],
	training_type: str | None = None,
	purpose: str | None = None,
	figure: str | None = None,
) -> list[frappe._dict]:
	filters = {"disabled": 0, "company": ("in", companies)}
	if training_type:
		filters["training_type"] = training_type
	if figure:
		filters["four_hundred_percent"] = figure
	if purpose:
		parents = frappe.get_all(
			"Safety Training Requirement Purpose",
			filters={"purpose": purpose, "parenttype": REQUIREMENT},
			pluck="parent",
		)
		filters["name"] = ("in", parents or [""])
	return frappe.get_all(
		REQUIREMENT,
		filters=filters,
		fields=[
			"name",
			"title",
			"company",
			"applies_to",
			"designation",
			"department",
			"role",
			"training_type",
			"min_hours_per_year",
			"validity_months",
			"four_hundred_percent",
			"owner",
		],
		order_by="training_type asc, name asc",
	)


def rule_of(requirement) -> core.Rule:
	target = {
		"Designation": requirement.designation,
		"Department": requirement.department,
		"Role": requirement.role,
	}.get(requirement.applies_to)
	return core.Rule(requirement.company, requirement.applies_to, target)


# --- records --------------------------------------------------------------------------------
def passed_trainings(employees: list[str], training_types: set[str]) -> dict[tuple[str, str], list]:
	"""(employee, training type) → the passed trainings on record."""
	out: dict[tuple[str, str], list[core.Training]] = defaultdict(list)
	if not employees or not training_types:
		return out
	for r in frappe.get_all(
		RECORD,
		filters={
			"employee": ("in", employees),
			"training_type": ("in", sorted(training_types)),
			"result": "Passed",
		},
		fields=["employee", "training_type", "training_date", "hours"],
	):
		out[(r.employee, r.training_type)].append(core.Training(getdate(r.training_date), r.hours or 0))
	return out


def induction_types() -> dict[str, str]:
	"""Training type → the induction level it gives."""
	return dict(
		frappe.get_all(
			"Safety Training Type",
			filters={"category": "Three-Level Induction", "induction_level": ("is", "set"), "disabled": 0},
			fields=["name", "induction_level"],
			as_list=True,
		)
	)


def completed_induction_levels(employees: list[str]) -> dict[str, set[str]]:
	types = induction_types()
	out: dict[str, set[str]] = defaultdict(set)
	if not employees or not types:
		return out
	for employee, training_type in frappe.get_all(
		RECORD,
		filters={"employee": ("in", employees), "training_type": ("in", list(types)), "result": "Passed"},
		fields=["employee", "training_type"],
		as_list=True,
	):
		out[employee].add(types[training_type])
	return out


# --- compliance -----------------------------------------------------------------------------
@dataclass
class ComplianceRow:
	employee: Employee
	cells: dict[str, core.Compliance | None]  # requirement → compliance, None: does not apply
	induction_missing: list[str] | None  # None: not a new employee

	def statuses(self) -> list[str]:
		return [c.status for c in self.cells.values() if c is not None]


def compliance_rows(
	company: str,
	department: str | None = None,
	employees: list[str] | None = None,
	requirements: list | None = None,
	today=None,
	scope: StaffScope | None = None,
) -> tuple[list, list[ComplianceRow]]:
	"""The compliance matrix of a company (or department subtree): each active
	employee × each active requirement of the company."""
	today = getdate(today or nowdate())
	requirements = active_requirements([company]) if requirements is None else requirements
	people = active_employees([company], department, employees, scope)
	names = [p.name for p in people]
	trainings = passed_trainings(names, {r.training_type for r in requirements})
	new_months = cint(settings().get("new_employee_months") or 12)
	levels = completed_induction_levels(
		[p.name for p in people if core.is_new_employee(p.date_of_joining, today, new_months)]
	)
	days = warn_days()
	rows = []
	for person in people:
		cells = {}
		for requirement in requirements:
			if not core.applies(rule_of(requirement), person.person):
				cells[requirement.name] = None
				continue
			cells[requirement.name] = core.compliance(
				trainings.get((person.name, requirement.training_type), []),
				requirement.min_hours_per_year or 0,
				requirement.validity_months,
				today,
				days,
			)
		induction = None
		if core.is_new_employee(person.date_of_joining, today, new_months):
			induction = core.missing_induction_levels(levels.get(person.name, set()))
		rows.append(ComplianceRow(person, cells, induction))
	return requirements, rows


def employee_gaps(employee: str, purpose: str | None = None, today=None) -> list[tuple]:
	"""(requirement, compliance) of the employee's applicable requirements (for a
	purpose) that are not valid today."""
	company = frappe.db.get_value("Employee", employee, "company")
	if not company:
		return []
	requirements = active_requirements([company], purpose=purpose)
	if not requirements:
		return []
	_requirements, rows = compliance_rows(
		company, employees=[employee], requirements=requirements, today=today
	)
	if not rows:
		# not an active employee: every requirement that would apply is unmet
		return [(r, core.Compliance(core.MISSING)) for r in requirements]
	by_name = {r.name: r for r in requirements}
	return [
		(by_name[name], cell) for name, cell in rows[0].cells.items() if cell is not None and not cell.valid
	]


def figure(company: str, figure_name: str, today=None, scope: StaffScope | None = None) -> core.Figure:
	"""One of the Shandong four 100% figures for a company (within the reader's scope)."""
	requirements = active_requirements([company], figure=figure_name)
	if not requirements:
		return core.Figure(0, 0)
	_reqs, rows = compliance_rows(company, requirements=requirements, today=today, scope=scope)
	return core.figure({row.employee.name: row.statuses() for row in rows})


# --- sessions -------------------------------------------------------------------------------
def record_session(session) -> list[str]:
	"""The training record of every attendee who attended a completed session."""
	created = []
	day = getdate(get_datetime(session.start_time))
	for row in session.attendees:
		if row.attendance != "Present":
			continue
		record = frappe.get_doc(
			{
				"doctype": RECORD,
				"employee": row.employee,
				"department": row.department,
				"designation": row.designation,
				"training_type": session.training_type,
				"training_date": day,
				"hours": session.hours,
				"topic": session.topic,
				"trainer": session.trainer_name,
				"source": "Session",
				"session": session.name,
				"score": row.score if session.assessment_method != "Attendance Only" else None,
				"result": "Passed" if row.passed else "Not Passed",
			}
		)
		record.flags.from_session = True
		record.insert(ignore_permissions=True)
		row.db_set("training_record", record.name, update_modified=False)
		created.append(record.name)
	return created


def withdraw_session_records(session) -> None:
	"""A cancelled session leaves no training on anyone's file."""
	for row in session.attendees:
		if row.training_record:
			row.db_set("training_record", None, update_modified=False)
	for name in frappe.get_all(RECORD, {"session": session.name}, pluck="name"):
		record = frappe.get_doc(RECORD, name)
		record.flags.from_session = True
		record.delete(ignore_permissions=True)


def attendee_candidates(
	company: str,
	department: str | None = None,
	designation: str | None = None,
	training_type: str | None = None,
	due_only: bool = False,
	today=None,
) -> list[dict]:
	"""Active employees of the company by department (with its subtree) and
	designation — or, with ``due_only``, those whose requirement for the training
	type is missing, expired or expiring."""
	people = active_employees([company], department)
	if designation:
		people = [p for p in people if p.designation == designation]
	if due_only:
		requirements = active_requirements([company], training_type=training_type)
		if not requirements:
			return []
		_reqs, rows = compliance_rows(
			company, department, [p.name for p in people], requirements=requirements, today=today
		)
		due = {
			row.employee.name
			for row in rows
			if any(cell is not None and cell.status != core.OK for cell in row.cells.values())
		}
		people = [p for p in people if p.name in due]
	return [
		{
			"employee": p.name,
			"employee_name": p.employee_name,
			"department": p.department,
			"designation": p.designation,
		}
		for p in people
	]
