"""Data of the training reports: the employee training history (the per-person
training file), the compliance matrix and the group's construction progress.

Rows are what the reader may see: training records through ``frappe.get_list``
(the department scope of dual_system.permissions applies), the matrix through
the same scope applied to employees, plans through ERPNext's User Permissions
on Company (a permission on a group company covers its subsidiaries). Columns
are Data, not Link: Frappe drops report rows whose Link values the reader has
no User Permission for (an employee's own Employee record is the only one
ERPNext gives them)."""

from __future__ import annotations

import re
from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from dual_system.core import training as core
from dual_system.permissions import context, staff_scope
from dual_system.services import training

RECORD = "Safety Training Record"
PLAN = "Dual System Construction Plan"

RECORDS_VIEW = "Training Records"
HOURS_VIEW = "Hours by Year and Type"


# --- employee training history ----------------------------------------------------------------
def training_history(filters=None):
	filters = frappe._dict(filters or {})
	records = history_records(filters)
	if filters.get("view") == HOURS_VIEW:
		columns, rows = _hours_columns(), _hours_rows(records)
	else:
		columns, rows = _history_columns(), records
	return columns, rows, None, _hours_chart(records), _history_summary(records)


def history_records(filters) -> list[frappe._dict]:
	record_filters = {}
	if filters.get("company"):
		record_filters["company"] = filters.company
	if filters.get("employee"):
		record_filters["employee"] = filters.employee
	if filters.get("training_type"):
		record_filters["training_type"] = filters.training_type
	if filters.get("from_date") and filters.get("to_date"):
		record_filters["training_date"] = ("between", [filters.from_date, filters.to_date])
	elif filters.get("from_date"):
		record_filters["training_date"] = (">=", filters.from_date)
	elif filters.get("to_date"):
		record_filters["training_date"] = ("<=", filters.to_date)
	if filters.get("department"):
		members = frappe.get_all(
			"Employee", {"department": ("in", training.department_subtree(filters.department))}, pluck="name"
		)
		record_filters["employee"] = ("in", members or [""])
		if filters.get("employee"):
			record_filters["employee"] = ("in", [e for e in members if e == filters.employee] or [""])
	records = frappe.get_list(
		RECORD,
		filters=record_filters,
		fields=[
			"name",
			"employee",
			"employee_name",
			"company",
			"department",
			"designation",
			"training_type",
			"training_date",
			"hours",
			"score",
			"result",
			"topic",
			"trainer",
			"session",
			"source",
			"certificate_no",
		],
		order_by="employee_name asc, employee asc, training_date asc, creation asc",
		limit_page_length=0,
	)
	people = {
		e.name: e
		for e in frappe.get_all(
			"Employee",
			filters={"name": ("in", sorted({r.employee for r in records}) or [""])},
			fields=["name", "department", "designation", "date_of_joining", "company"],
		)
	}
	for r in records:
		person = people.get(r.employee, frappe._dict())
		r.training_type_key = r.training_type
		r.training_type = _(r.training_type)
		r.result_key = r.result
		r.result = _(r.result) if r.result else ""
		r.source = _(r.source) if r.source else ""
		r.current_department = person.department
		r.current_designation = person.designation
		r.date_of_joining = person.date_of_joining
	return records


def _history_columns():
	return [
		{"fieldname": "training_date", "label": _("Date"), "fieldtype": "Date", "width": 100},
		{"fieldname": "employee_name", "label": _("Employee Name"), "fieldtype": "Data", "width": 130},
		{"fieldname": "employee", "label": _("Employee"), "fieldtype": "Data", "width": 120},
		{"fieldname": "department", "label": _("Department"), "fieldtype": "Data", "width": 150},
		{"fieldname": "designation", "label": _("Designation"), "fieldtype": "Data", "width": 120},
		{"fieldname": "training_type", "label": _("Training Type"), "fieldtype": "Data", "width": 150},
		{"fieldname": "topic", "label": _("Content"), "fieldtype": "Data", "width": 220},
		{"fieldname": "trainer", "label": _("Trainer"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "hours",
			"label": _("Training Hours"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 70,
		},
		{"fieldname": "score", "label": _("Score"), "fieldtype": "Float", "precision": 1, "width": 70},
		{"fieldname": "result", "label": _("Assessment Result"), "fieldtype": "Data", "width": 100},
		{"fieldname": "session", "label": _("Training Session"), "fieldtype": "Data", "width": 140},
		{"fieldname": "certificate_no", "label": _("Certificate No."), "fieldtype": "Data", "width": 110},
		{"fieldname": "name", "label": _("Training Record"), "fieldtype": "Data", "width": 140},
		*(
			{"fieldname": f, "label": f, "fieldtype": "Data", "hidden": 1}
			for f in ("result_key", "training_type_key", "current_department", "current_designation")
		),
		{"fieldname": "date_of_joining", "label": "date_of_joining", "fieldtype": "Date", "hidden": 1},
	]


def _hours_columns():
	return [
		{"fieldname": "employee_name", "label": _("Employee Name"), "fieldtype": "Data", "width": 140},
		{"fieldname": "employee", "label": _("Employee"), "fieldtype": "Data", "width": 120},
		{"fieldname": "year", "label": _("Year"), "fieldtype": "Int", "width": 70},
		{"fieldname": "training_type", "label": _("Training Type"), "fieldtype": "Data", "width": 180},
		{"fieldname": "trainings", "label": _("Trainings"), "fieldtype": "Int", "width": 90},
		{
			"fieldname": "hours",
			"label": _("Training Hours"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 80,
		},
		{
			"fieldname": "passed_hours",
			"label": _("Hours Passed"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 100,
		},
	]


def _hours_rows(records) -> list[dict]:
	groups: dict[tuple, dict] = {}
	for r in records:
		key = (r.employee_name, r.employee, getdate(r.training_date).year, r.training_type)
		row = groups.setdefault(
			key,
			{
				"employee_name": r.employee_name,
				"employee": r.employee,
				"year": key[2],
				"training_type": r.training_type,
				"trainings": 0,
				"hours": 0.0,
				"passed_hours": 0.0,
			},
		)
		row["trainings"] += 1
		row["hours"] += r.hours or 0
		if r.result_key == "Passed":
			row["passed_hours"] += r.hours or 0
	return [groups[k] for k in sorted(groups)]


def _hours_chart(records):
	if not records:
		return None
	table = core.hours_by_year_and_type(
		(getdate(r.training_date), r.training_type, r.hours or 0) for r in records
	)
	years = list(table)
	types = sorted({t for by_type in table.values() for t in by_type})
	return {
		"data": {
			"labels": [str(y) for y in years],
			"datasets": [{"name": t, "values": [table[y].get(t, 0) for y in years]} for t in types],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"title": _("Training Hours by Year and Type"),
	}


def _history_summary(records):
	year = getdate(nowdate()).year
	return [
		{"value": len(records), "label": _("Trainings"), "datatype": "Int", "indicator": "Blue"},
		{
			"value": round(sum(r.hours or 0 for r in records), 1),
			"label": _("Training Hours"),
			"datatype": "Float",
			"indicator": "Blue",
		},
		{
			"value": round(sum(r.hours or 0 for r in records if getdate(r.training_date).year == year), 1),
			"label": _("Hours This Year"),
			"datatype": "Float",
			"indicator": "Green",
		},
		{
			"value": sum(1 for r in records if r.result_key == "Not Passed"),
			"label": _("Not Passed"),
			"datatype": "Int",
			"indicator": "Red",
		},
	]


# --- compliance matrix ---------------------------------------------------------------------------
def requirement_column(name: str) -> str:
	return "req_" + re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()


def requirement_label(requirement) -> str:
	target = {
		"Designation": requirement.designation,
		"Department": requirement.department,
		"Role": requirement.role,
	}.get(requirement.applies_to)
	return f"{_(requirement.training_type)} · {_(target) if target else _('Everyone')}"


def cell_text(cell: core.Compliance | None) -> str:
	if cell is None:
		return ""
	if cell.valid_until and cell.status == core.EXPIRED:
		return _("Expired on {0}").format(frappe.format(cell.valid_until, "Date"))
	if cell.valid_until:
		return _("{0} until {1}").format(_(cell.status), frappe.format(cell.valid_until, "Date"))
	return _(cell.status)


def compliance_matrix(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.get("company"):
		return [], []
	companies = context().companies
	if companies is not None and filters.company not in companies:
		return [], []
	today = getdate(filters.get("date") or nowdate())
	requirements = training.active_requirements(
		[filters.company],
		training_type=filters.get("training_type"),
		figure=filters.get("four_hundred_percent"),
	)
	if filters.get("requirement"):
		requirements = [r for r in requirements if r.name == filters.requirement]
	requirements, rows = training.compliance_rows(
		filters.company,
		filters.get("department"),
		requirements=requirements,
		today=today,
		scope=staff_scope(RECORD),
	)
	columns = [
		{"fieldname": "employee_name", "label": _("Employee Name"), "fieldtype": "Data", "width": 130},
		{"fieldname": "employee", "label": _("Employee"), "fieldtype": "Data", "width": 120},
		{"fieldname": "department", "label": _("Department"), "fieldtype": "Data", "width": 150},
		{"fieldname": "designation", "label": _("Designation"), "fieldtype": "Data", "width": 120},
		{"fieldname": "induction", "label": _("Three-Level Induction"), "fieldtype": "Data", "width": 150},
		{"fieldname": "induction_key", "label": "induction_key", "fieldtype": "Data", "hidden": 1},
	]
	for requirement in requirements:
		column = requirement_column(requirement.name)
		columns.append(
			{
				"fieldname": column,
				"label": requirement_label(requirement),
				"fieldtype": "Data",
				"width": 170,
				"requirement": requirement.name,
			}
		)
		columns.append(
			{"fieldname": f"{column}_key", "label": f"{column}_key", "fieldtype": "Data", "hidden": 1}
		)
	out = []
	for row in rows:
		statuses = row.statuses()
		if filters.get("due_only") and all(s == core.OK for s in statuses):
			continue
		if filters.get("induction_only") and not row.induction_missing:
			continue
		if (filters.get("four_hundred_percent") or filters.get("due_only")) and not statuses:
			continue
		data = {
			"employee": row.employee.name,
			"employee_name": row.employee.employee_name,
			"department": row.employee.department,
			"designation": row.employee.designation,
			"induction_key": _induction_key(row.induction_missing),
			"induction": _induction_text(row.induction_missing),
		}
		for requirement in requirements:
			cell = row.cells.get(requirement.name)
			column = requirement_column(requirement.name)
			data[column] = cell_text(cell)
			data[f"{column}_key"] = cell.status if cell else core.NOT_APPLICABLE
		out.append(data)
	return columns, out, None, None, _matrix_summary(rows)


def _induction_key(missing: list[str] | None) -> str:
	if missing is None:
		return ""
	return "Complete" if not missing else "Incomplete"


def _induction_text(missing: list[str] | None) -> str:
	if missing is None:
		return ""
	if not missing:
		return _("Complete")
	return _("Missing: {0}").format(", ".join(_(level) for level in missing))


def _matrix_summary(rows):
	counts = defaultdict(int)
	for row in rows:
		for status in row.statuses():
			counts[status] += 1
	indicators = {core.OK: "Green", core.EXPIRING: "Orange", core.EXPIRED: "Red", core.MISSING: "Red"}
	summary = [
		{"value": counts[s], "label": _(s), "datatype": "Int", "indicator": indicators[s]}
		for s in core.STATUSES
	]
	summary.append(
		{
			"value": sum(1 for row in rows if row.induction_missing),
			"label": _("Induction Incomplete"),
			"datatype": "Int",
			"indicator": "Orange",
		}
	)
	return summary


# --- construction progress ---------------------------------------------------------------------
def company_tree(company: str) -> list[frappe._dict]:
	"""The company and its subsidiaries in tree order, with their depth."""
	bounds = frappe.db.get_value("Company", company, ["lft", "rgt"], as_dict=True)
	if not bounds or not bounds.lft:
		return [frappe._dict(name=company, parent_company=None, is_group=0, depth=0, lft=0, rgt=0)]
	companies = frappe.get_all(
		"Company",
		filters={"lft": (">=", bounds.lft), "rgt": ("<=", bounds.rgt)},
		fields=["name", "parent_company", "is_group", "lft", "rgt"],
		order_by="lft asc",
	)
	depth = {}
	for c in companies:
		depth[c.name] = depth.get(c.parent_company, -1) + 1 if c.name != company else 0
		c.depth = depth[c.name]
	return companies


def plan_progress(companies: list[str], today) -> dict[str, tuple[frappe._dict, core.Progress]]:
	"""company → (its active plan, the plan's progress), for plans the reader may read."""
	plans = frappe.get_list(
		PLAN,
		filters={"company": ("in", companies or [""]), "is_active": 1},
		fields=["name", "title", "company", "target_date", "status"],
		limit_page_length=0,
	)
	milestones = defaultdict(list)
	if plans:
		for m in frappe.get_all(
			"Dual System Construction Milestone",
			filters={"parent": ("in", [p.name for p in plans]), "parenttype": PLAN},
			fields=["parent", "status", "due_date", "weight", "phase"],
		):
			milestones[m.parent].append(
				core.Milestone(
					m.status, getdate(m.due_date) if m.due_date else None, m.weight or 1.0, m.phase
				)
			)
	return {p.company: (p, core.progress(milestones[p.name], today)) for p in plans}


def group_progress(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.get("company"):
		return [], []
	today = getdate(filters.get("date") or nowdate())
	tree = company_tree(filters.company)
	by_company = plan_progress([c.name for c in tree], today)
	rows = []
	for c in tree:
		descendants = [d.name for d in tree if d.lft >= c.lft and d.rgt <= c.rgt] if c.is_group else [c.name]
		included = [by_company[d][1] for d in descendants if d in by_company]
		if not c.is_group and c.name not in by_company:
			continue
		total = core.consolidate(included)
		plan = by_company.get(c.name, (frappe._dict(), None))[0]
		rows.append(
			{
				"company": c.name,
				"parent_company": c.parent_company if c.name != filters.company else None,
				"indent": c.depth,
				"is_group": c.is_group,
				"plan": plan.get("name"),
				"plan_title": plan.get("title"),
				"companies": len([d for d in descendants if d in by_company]),
				"milestones": total.milestones,
				"completed": total.completed,
				"open": total.milestones - total.completed,
				"overdue": total.overdue,
				"progress": total.percent,
			}
		)
	return _progress_columns(), rows, None, _progress_chart(rows, filters.company)


def _progress_columns():
	return [
		{"fieldname": "company", "label": _("Company"), "fieldtype": "Data", "width": 220},
		{"fieldname": "plan_title", "label": _("Construction Plan"), "fieldtype": "Data", "width": 220},
		{"fieldname": "plan", "label": _("Plan ID"), "fieldtype": "Data", "width": 110},
		{"fieldname": "companies", "label": _("Companies with a Plan"), "fieldtype": "Int", "width": 110},
		{"fieldname": "milestones", "label": _("Milestones"), "fieldtype": "Int", "width": 90},
		{"fieldname": "completed", "label": _("Completed"), "fieldtype": "Int", "width": 90},
		{"fieldname": "open", "label": _("Open Milestones"), "fieldtype": "Int", "width": 70},
		{"fieldname": "overdue", "label": _("Overdue"), "fieldtype": "Int", "width": 80},
		{"fieldname": "progress", "label": _("Progress"), "fieldtype": "Percent", "width": 100},
		{"fieldname": "parent_company", "label": "parent_company", "fieldtype": "Data", "hidden": 1},
		{"fieldname": "is_group", "label": "is_group", "fieldtype": "Int", "hidden": 1},
	]


def _progress_chart(rows, top):
	leaves = [r for r in rows if r["company"] != top and r["plan"]]
	if not leaves:
		return None
	return {
		"data": {
			"labels": [r["company"] for r in leaves],
			"datasets": [{"name": _("Progress"), "values": [r["progress"] for r in leaves]}],
		},
		"type": "bar",
		"fieldtype": "Percent",
		"title": _("Construction Progress by Company"),
	}


def progress_chart_data(company: str | None) -> dict:
	"""Dashboard chart: progress of each company under the reader's group (or of the
	company itself), and the group's consolidated figure first."""
	if not company:
		return {"labels": [], "datasets": [{"name": _("Progress"), "values": []}]}
	top = company
	parent = frappe.db.get_value("Company", company, "parent_company")
	companies = context().companies
	if parent and (companies is None or parent in companies):
		top = parent
	_columns, rows, *_rest = group_progress({"company": top})
	rows = [r for r in rows if r["plan"] or r["company"] == top]
	return {
		"labels": [r["company"] for r in rows],
		"datasets": [{"name": _("Progress"), "values": [r["progress"] for r in rows]}],
	}


def hours_by_type_chart_data(company: str | None, year: int | None = None) -> dict:
	year = year or getdate(nowdate()).year
	filters = {"training_date": ("between", [f"{year}-01-01", f"{year}-12-31"])}
	if company:
		filters["company"] = company
	rows = frappe.get_list(
		RECORD, filters=filters, fields=["training_type", "sum(hours) as hours"], group_by="training_type"
	)
	rows.sort(key=lambda r: r.training_type)
	return {
		"labels": [_(r.training_type) for r in rows],
		"datasets": [{"name": _("Training Hours"), "values": [round(r.hours or 0, 1) for r in rows]}],
	}
