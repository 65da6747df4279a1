"""Data of the hidden-danger reports: the ledger (隐患台账, DOMAIN.md §6.5), the
KPIs (§6.6), the rectification funds and the statutory return (§1.4).

Every query has the same WHERE clause on `tabHazard Ticket`: the report's filters
and the reader's permissions exactly as ``frappe.get_list`` applies them (role,
User Permissions on Company, the department scope of dual_system.permissions,
shares — Frappe's ``build_match_conditions``), so every role sees exactly its
scope. The database joins the names a ledger shows; Python only labels.
"""

from __future__ import annotations

import datetime

import frappe
from frappe import _
from frappe.utils import add_days, flt, getdate, nowdate

from dual_system.core.hazard_kpi import (
	CLOSED,
	COUNTERS,
	EMPLOYEE_REPORT_SOURCE,
	FAILED_MEASURE_SOURCE,
	MAJOR,
	OUTSIDE_SOURCES,
	REJECTED,
	Kpis,
	TicketRow,
	kpis,
	kpis_from_counts,
	period_key,
	quarter_bounds,
	statutory_return_due,
)
from dual_system.services.registers import Labels, department_subtree, page_limit

DOCTYPE = "Hazard Ticket"
T = "`tabHazard Ticket`"


def ticket_where(filters, date_field: str = "date_found", departments=None) -> tuple[str, dict]:
	"""The WHERE clause of the hidden-danger reports and its values (``departments``:
	the subtree of the department filter when the caller has it already)."""
	from frappe.desk.reportview import build_match_conditions

	if not frappe.has_permission(DOCTYPE, "read"):
		frappe.throw(_("Not permitted to read {0}").format(_(DOCTYPE)), frappe.PermissionError)
	filters = frappe._dict(filters or {})
	clauses, values = [], {}
	if filters.get("company"):
		clauses.append(f"{T}.company = %(company)s")
		values["company"] = filters.company
	if filters.get("department"):
		clauses.append(f"{T}.department in %(departments)s")
		if departments is None:
			departments = department_subtree(filters.department)
		values["departments"] = tuple(departments) or ("",)
	if filters.get("from_date"):
		clauses.append(f"{T}.`{date_field}` >= %(from_date)s")
		values["from_date"] = getdate(filters.from_date)
	if filters.get("to_date"):
		clauses.append(f"{T}.`{date_field}` < %(to_date)s")
		values["to_date"] = add_days(getdate(filters.to_date), 1)
	for field in ("grade", "status", "source", "risk_point"):
		if filters.get(field):
			clauses.append(f"{T}.`{field}` = %({field})s")
			values[field] = filters[field]
	match = build_match_conditions(DOCTYPE)
	if match:
		clauses.append(f"({match})")
	return " and ".join(clauses) or "1=1", values


# --- the ledger (隐患台账) -------------------------------------------------------------
LEDGER_SELECT = f"""
	select {T}.name, {T}.date_found, {T}.source, {T}.hazard_type, {T}.item_class,
		{T}.is_anonymous, finder.employee_name as finder_name,
		{T}.risk_point, point.risk_point_name, {T}.location, {T}.control_measure,
		measure.description as measure_description, {T}.description, {T}.basis,
		{T}.accident_type, {T}.grade, {T}.internal_level, {T}.handling,
		{T}.rectification_measures, {T}.contingency_measures, {T}.department, {T}.owning_department,
		owner.employee_name as owner_name, {T}.deadline, {T}.funds, {T}.completion_date,
		{T}.acceptor, acceptor.full_name as acceptor_name, {T}.acceptance_date, {T}.acceptance_comment,
		{T}.status, {T}.photo_before, {T}.photo_after, {T}.reported_to_authority,
		{T}.authority_report_date, {T}.remarks, {T}.company
	from {T}
	left join `tabEmployee` finder on finder.name = {T}.finder
	left join `tabEmployee` owner on owner.name = {T}.rectification_owner
	left join `tabRisk Point` point on point.name = {T}.risk_point
	left join `tabControl Measure` measure on measure.name = {T}.control_measure
	left join `tabUser` acceptor on acceptor.name = {T}.acceptor
"""


def ledger_count(filters=None, where: tuple[str, dict] | None = None) -> int:
	where, values = where or ticket_where(filters)
	return frappe.db.sql(f"select count(*) from {T} where {where}", values)[0][0]


def ledger_page(filters=None) -> tuple[list[dict], int]:
	"""The ledger's page of the Rows filter and the number of rows of the whole ledger
	(counted only when the page is full), on one WHERE clause."""
	where = ticket_where(filters)
	limit = page_limit(filters)
	rows = ledger_rows(filters, limit=limit, where=where)
	total = ledger_count(filters, where) if limit and len(rows) == limit else len(rows)
	return rows, total


def ledger_rows(
	filters=None, start: int = 0, limit: int | None = None, where: tuple[str, dict] | None = None
) -> list[dict]:
	"""The ledger, newest first; ``limit`` 0 (or the Rows filter "All"): every row."""
	filters = frappe._dict(filters or {})
	limit = page_limit(filters) if limit is None else limit
	where, values = where or ticket_where(filters)
	page = f"limit {int(limit)} offset {int(start)}" if limit else ""
	rows = frappe.db.sql(
		f"{LEDGER_SELECT} where {where} order by {T}.date_found desc, {T}.name desc {page}",
		values,
		as_dict=True,
	)
	label = Labels()
	anonymous, yes, no = _("Anonymous"), _("Yes"), _("No")
	for row in rows:
		row.status_key = row.status
		row.grade_key = row.grade
		row.finder_name = anonymous if row.is_anonymous else row.finder_name
		for field in ("source", "hazard_type", "item_class", "grade", "internal_level", "handling", "status"):
			row[field] = label(row[field])
		row.accident_type_name = label.accident_type(row.accident_type)
		row.acceptor_name = row.acceptor_name or row.acceptor
		row.reported = yes if row.reported_to_authority else no
	return rows


# --- KPIs ------------------------------------------------------------------------------
KPI_GROUPS = ("Period", "Department", "Rectification Owner", "包保 Type")
BAOBAO_TYPES = (
	("main_responsible_person", "Main Responsible Person"),
	("technical_responsible_person", "Technical Responsible Person"),
	("operating_responsible_person", "Operating Responsible Person"),
)
NOT_BAOBAO = "Not a 包保 Person"


def ticket_rows(filters) -> list[frappe._dict]:
	"""The rows the KPIs need, in the reader's scope. The window is on date found."""
	where, values = ticket_where(filters)
	return frappe.db.sql(
		f"""select {T}.name, {T}.date_found, {T}.status, {T}.grade, {T}.source, {T}.deadline,
			{T}.closed_on, {T}.control_measure, {T}.risk_event, {T}.department, {T}.finder,
			{T}.funds, {T}.reported_to_authority, {T}.reported_to_workers_congress,
			{T}.cost_center, {T}.governance_plan,
			owner.employee_name as owner_name,
			point.main_responsible_person, point.technical_responsible_person,
			point.operating_responsible_person
		from {T}
		left join `tabEmployee` owner on owner.name = {T}.rectification_owner
		left join `tabRisk Point` point on point.name = {T}.risk_point
		where {where}""",
		values,
		as_dict=True,
	)


def as_ticket(row) -> TicketRow:
	return TicketRow(
		name=row.name,
		date_found=getdate(row.date_found),
		status=row.status or "",
		grade=row.grade or "",
		source=row.source or "",
		deadline=getdate(row.deadline) if row.deadline else None,
		closed_on=getdate(row.closed_on) if row.closed_on else None,
		control_measure=row.control_measure,
		risk_event=row.risk_event,
	)


def baobao_types(row) -> list[str]:
	"""The 包保 types of a ticket: which of its risk point's 包保 persons found it."""
	types = [label for field, label in BAOBAO_TYPES if row.finder and row.get(field) == row.finder]
	return types or [NOT_BAOBAO]


def headcount(company: str | None, departments: list[str] | None) -> int:
	filters = {"status": "Active"}
	if company:
		filters["company"] = company
	if departments is not None:
		filters["department"] = ("in", departments or [""])
	return frappe.db.count("Employee", filters)


def headcounts_by_department(company: str | None, departments: list[str]) -> dict[str, int]:
	"""Active employees of each department (not of its subtree), in one query."""
	if not departments:
		return {}
	filters = {"status": "Active", "department": ("in", departments)}
	if company:
		filters["company"] = company
	rows = frappe.get_all("Employee", filters, ["department", "count(*) as n"], group_by="department")
	return {r.department: r.n for r in rows}


def _sql_in(values) -> str:
	return ", ".join(frappe.db.escape(v) for v in sorted(values))


def kpi_sums_sql() -> dict[str, str]:
	"""The counters of dual_system.core.hazard_kpi.ticket_counts as SQL on one counted
	ticket of the derived table ``k`` (found and repeats are counted by kpi_sums);
	tests hold both to the same figures."""
	return {
		"closed": "k.is_closed",
		"came_due": "k.came_due",
		"closed_on_time": "(k.came_due and k.is_closed and k.closed_on <= k.deadline)",
		"majors_found": "k.major",
		"majors_closed": "(k.major and k.is_closed)",
		"majors_open": "(k.major and not k.is_closed)",
		"open_overdue": "(not k.is_closed and k.deadline is not null and k.deadline < %(as_of)s)",
		"self_found": f"(k.source not in ({_sql_in(OUTSIDE_SOURCES)}))",
		"from_failed_measures": f"(k.source = {frappe.db.escape(FAILED_MEASURE_SOURCE)})",
		"employee_reports": f"(k.source = {frappe.db.escape(EMPLOYEE_REPORT_SOURCE)})",
		"days_to_close": "if(k.is_closed, datediff(k.closed_on, k.date_found), 0)",
	}


def _group_sql(group_by: str, period: str) -> tuple[str, str, str, str]:
	"""(group expression, primary-row expression, joins, extra FROM) of a KPI grouping:
	a ticket is in one group, or for 包保 types in one to three (the primary row counts
	it once for the total)."""
	if group_by == "Period":
		if period == "Quarter":
			return f"concat(year({T}.date_found), '-Q', quarter({T}.date_found))", "1", "", ""
		formats = {"Month": "'%%Y-%%m'", "Year": "'%%Y'"}  # period_key's labels
		if period not in formats:
			raise ValueError(f"unknown period {period!r}")
		return f"date_format({T}.date_found, {formats[period]})", "1", "", ""
	if group_by == "Department":
		return f"ifnull({T}.department, '')", "1", "", ""
	if group_by == "Rectification Owner":
		join = f"left join `tabEmployee` owner on owner.name = {T}.rectification_owner"
		return "ifnull(owner.employee_name, '')", "1", join, ""
	# 包保 type: which of the risk point's 包保 persons found the ticket
	join = f"left join `tabRisk Point` point on point.name = {T}.risk_point"
	found_by = {
		label: f"coalesce(ifnull({T}.finder, '') != '' and point.`{field}` = {T}.finder, 0)"
		for field, label in BAOBAO_TYPES
	}
	types = " union all ".join(
		f"select {frappe.db.escape(label)} as label" for label in [*found_by, NOT_BAOBAO]
	)
	first = (
		"case "
		+ " ".join(f"when {cond} then {frappe.db.escape(label)}" for label, cond in found_by.items())
		+ f" else {frappe.db.escape(NOT_BAOBAO)} end"
	)
	member = (
		"case baobao.label "
		+ " ".join(f"when {frappe.db.escape(label)} then {cond}" for label, cond in found_by.items())
		+ f" else not ({' or '.join(found_by.values())}) end"
	)
	return "baobao.label", f"(baobao.label = {first})", join, f"join ({types}) baobao on {member}"


def kpi_sums(filters, group_by: str, period: str, as_of: datetime.date, end, departments=None) -> list[dict]:
	"""Per group, the summed KPI counters of its counted tickets (``name``), the repeats
	of the group's tickets among all tickets (``total_repeats``) and, for 包保 types,
	the counters of the group's tickets counted once for the total (``total_name``).

	One query on the window and the reader's scope of ticket_where: every ticket makes
	its group (as the pure kpis_by does), rejected tickets and tickets found after the
	day measured count for nothing, repeats are found by row numbers over each group
	and over the total."""
	where, values = ticket_where(filters, departments=departments)
	values["as_of"] = as_of
	values["kpi_end"] = add_days(min(end, as_of) if end else as_of, 1)
	group, primary, join, baobao = _group_sql(group_by, period)
	order = "order by b.date_found, b.sort_name"
	# row numbers in a derived table of their own and compared outside it: MariaDB 10.11
	# answered wrongly with several windows inside one boolean expression
	numbers = ", ".join(
		f"row_number() over (partition by b.{over}, b.counted, b.{field} {order}) as {field}_in_{scope}"
		for scope, over in (("group", "grp"), ("total", "is_primary"))
		for field in ("control_measure", "risk_event")
	)

	def repeat(scope: str) -> str:
		return (
			f"((ifnull(w.control_measure, '') != '' and w.control_measure_in_{scope} > 1)"
			f" or (ifnull(w.risk_event, '') != '' and w.risk_event_in_{scope} > 1))"
		)

	columns = ["sum(k.counted) as found", "sum(k.repeat_in_group) as repeats"]
	columns += [f"sum(if(k.counted, {sql}, 0)) as `{name}`" for name, sql in kpi_sums_sql().items()]
	# the total: the group sums, but for tickets counted once (a 包保 ticket may be in
	# several groups) and with repeats over all groups
	columns.append("sum(k.repeat_in_total) as total_repeats")
	if primary != "1":
		columns.append("sum(k.counted * k.is_primary) as total_found")
		columns += [
			f"sum(if(k.counted and k.is_primary, {sql}, 0)) as `total_{name}`"
			for name, sql in kpi_sums_sql().items()
		]
	return frappe.db.sql(
		f"""select k.grp, {", ".join(columns)}
		from (
			select w.*, (w.counted and {repeat("group")}) as repeat_in_group,
				(w.counted and w.is_primary and {repeat("total")}) as repeat_in_total
			from (
				select b.*, {numbers}
				from (
				select {group} as grp, {primary} as is_primary,
					{T}.date_found, cast({T}.name as binary) as sort_name,
					{T}.control_measure, {T}.risk_event, {T}.deadline, {T}.closed_on,
					ifnull({T}.source, '') as source,
					coalesce({T}.status = {frappe.db.escape(CLOSED)} and {T}.closed_on <= %(as_of)s, 0)
						as is_closed,
					coalesce({T}.deadline <= %(as_of)s, 0) as came_due,
					coalesce({T}.grade = {frappe.db.escape(MAJOR)}, 0) as major,
					(ifnull({T}.status, '') not in ({_sql_in(REJECTED)}) and {T}.date_found < %(kpi_end)s)
						as counted
				from {T} {join} {baobao}
				where {where}
				) b
			) w
		) k
		group by k.grp""",
		values,
		as_dict=True,
	)


def kpi_groups(filters) -> tuple[list[tuple[str, Kpis]], Kpis]:
	"""(group label, KPIs) per group of the ``group_by`` filter, and the total."""
	filters = frappe._dict(filters or {})
	as_of = getdate(filters.get("as_of") or nowdate())
	end = getdate(filters.to_date) if filters.get("to_date") else None
	group_by = filters.get("group_by") or "Period"
	period = filters.get("period") or "Quarter"
	departments = department_subtree(filters.department) if filters.get("department") else None
	rows = kpi_sums(filters, group_by, period, as_of, end, departments)
	headcounts = {}
	if group_by == "Department":
		headcounts = headcounts_by_department(filters.get("company"), [r.grp for r in rows if r.grp])
	groups = [
		(r.grp, kpis_from_counts(r, headcounts.get(r.grp, 0))) for r in sorted(rows, key=lambda r: r.grp)
	]
	total = {name: sum(r.get(f"total_{name}", r[name]) or 0 for r in rows) for name in COUNTERS}
	return groups, kpis_from_counts(total, headcount(filters.get("company"), departments))


def kpi_rows(filters) -> list[dict]:
	groups, total = kpi_groups(filters)
	label = Labels()
	out = [_kpi_row(label(group) if group else _("(none)"), k) for group, k in groups]
	out.append(_kpi_row(_("Total"), total, bold=1))
	return out


def _percent(value):
	return None if value is None else round(value * 100, 2)


def _kpi_row(group: str, k: Kpis, bold: int = 0) -> dict:
	row = k.as_dict()
	for field in (
		"rectification_rate",
		"on_time_rate",
		"major_closure_rate",
		"repeat_rate",
		"self_found_share",
		"failed_measure_share",
	):
		row[field] = _percent(row[field])
	row["group"] = group
	row["bold"] = bold
	return row


# --- rectification funds ----------------------------------------------------------------
def funds_rows(filters) -> list[dict]:
	"""Funds of the tickets found in the window, by cost centre and period, with the
	cost centre's ERPNext Budget for the fiscal year of the period where one exists."""
	filters = frappe._dict(filters or {})
	period = filters.get("period") or "Quarter"
	sums: dict[tuple[str, str], dict] = {}
	for row in ticket_rows(filters):
		if row.status in REJECTED:
			continue
		found = getdate(row.date_found)
		key = (row.cost_center or "", period_key(found, period))
		entry = sums.setdefault(
			key, {"cost_center": key[0], "period": key[1], "tickets": 0, "funds": 0.0, "day": found}
		)
		entry["tickets"] += 1
		entry["funds"] += flt(row.funds)
	budgets = Budgets(filters.get("company"))
	out = []
	for (cost_center, _period), entry in sorted(sums.items()):
		fiscal_year, budget = budgets.of(cost_center, entry.pop("day")) if cost_center else (None, None)
		entry["fiscal_year"] = fiscal_year
		entry["budget"] = budget
		entry["budget_share"] = _percent(entry["funds"] / budget) if budget else None
		entry["cost_center"] = cost_center or _("(none)")
		out.append(entry)
	return out


class Budgets:
	"""Submitted ERPNext Budgets against a cost centre, summed over their accounts."""

	def __init__(self, company: str | None):
		self.company = company
		self.cache: dict[tuple[str, str], float | None] = {}

	def fiscal_year(self, day: datetime.date) -> str | None:
		names = frappe.get_all(
			"Fiscal Year",
			{"year_start_date": ("<=", day), "year_end_date": (">=", day), "disabled": 0},
			pluck="name",
			limit=1,
		)
		return names[0] if names else None

	def of(self, cost_center: str, day: datetime.date) -> tuple[str | None, float | None]:
		fiscal_year = self.fiscal_year(day)
		if not fiscal_year:
			return None, None
		key = (cost_center, fiscal_year)
		if key not in self.cache:
			amount = frappe.db.sql(
				"""select sum(account.budget_amount) from `tabBudget` budget
				join `tabBudget Account` account on account.parent = budget.name
				where budget.docstatus = 1 and budget.budget_against = 'Cost Center'
					and budget.cost_center = %s and budget.fiscal_year = %s""",
				(cost_center, fiscal_year),
			)[0][0]
			self.cache[key] = flt(amount) if amount is not None else None
		return fiscal_year, self.cache[key]


# --- the statutory return (Order No. 16) ---------------------------------------------------
def return_window(year: int, quarter: int | None) -> tuple[datetime.date, datetime.date]:
	if quarter:
		return quarter_bounds(int(year), int(quarter))
	return datetime.date(int(year), 1, 1), datetime.date(int(year), 12, 31)


def statutory_return(filters) -> dict:
	"""The quarterly or annual figures of DOMAIN.md §1.4 for the reader's scope."""
	filters = frappe._dict(filters or {})
	year = int(filters.get("year") or getdate(nowdate()).year)
	quarter = int(filters.quarter) if filters.get("quarter") else None
	start, end = return_window(year, quarter)
	rows = ticket_rows({**filters, "from_date": start, "to_date": end})
	counted = [r for r in rows if r.status not in REJECTED]
	k = kpis([as_ticket(r) for r in rows], end, start, end)
	majors = [r for r in counted if r.grade == "Major"]
	return {
		"year": year,
		"quarter": quarter,
		"from_date": start,
		"to_date": end,
		"due": statutory_return_due(year, quarter),
		"found": k.found,
		"general": sum(1 for r in counted if r.grade != "Major"),
		"major": len(majors),
		"rectified": k.closed,
		"rectification_rate": _percent(k.rectification_rate),
		"majors_rectified": k.majors_closed,
		"majors_open": k.majors_open,
		"majors_with_plan": sum(1 for r in majors if r.governance_plan),
		"majors_reported": sum(1 for r in majors if r.reported_to_authority),
		"funds": sum(flt(r.funds) for r in counted),
		"signer": filters.get("signer") or "",
	}
