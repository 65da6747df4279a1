"""Data of the risk register (风险分级管控清单) and the risk point register
(风险点登记台账), DOMAIN.md §5.4.

Every query goes through ``frappe.get_list`` so the reader's permissions —
company User Permissions and the department scope of dual_system.permissions —
decide which rows exist. Details of a risk point are read only for the events
the reader can see.
"""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _

from dual_system.core.levels import LEVEL_COLOURS, control_rank

MEASURE_COLUMNS = {
	"Engineering Technical Measures": "measures_engineering",
	"Management Measures": "measures_management",
	"Training and Education Measures": "measures_training",
	"Personal Protection Measures": "measures_ppe",
	"Emergency Response Measures": "measures_emergency",
}


def department_subtree(department: str) -> list[str]:
	"""A department and every department under it (itself alone if it is not in the tree)."""
	names = frappe.db.sql_list(
		"""select d.name from `tabDepartment` d
		join `tabDepartment` root on root.name = %s
		where d.lft >= root.lft and d.rgt <= root.rgt""",
		(department,),
	)
	return names or [department]


def _point_filters(filters: dict) -> dict:
	out = {}
	if filters.get("company"):
		out["company"] = filters["company"]
	if filters.get("department"):
		out["department"] = ("in", department_subtree(filters["department"]))
	if filters.get("risk_point_type"):
		out["risk_point_type"] = filters["risk_point_type"]
	return out


# rows a register shows at once; "All" in the Rows filter (or the export) takes every row
PAGE_SIZE = 500
EVENT_FIELDS = [
	"name",
	"risk_point",
	"risk_point_name",
	"risk_point_type",
	"step_no",
	"step_or_item",
	"hazard",
	"hazard_factor_category",
	"accident_type",
	"accident_type_standard",
	"consequence",
	"evaluation_method",
	"factor_values",
	"score",
	"risk_level",
	"forced_major_reason",
	"control_level",
	"responsible_department",
	"responsible_employee_name",
	"risk_assessment",
]


def page_limit(filters) -> int:
	"""Rows of one page: the ``limit`` filter ("All" or 0 for every row), else PAGE_SIZE."""
	limit = (filters or {}).get("limit")
	if limit in ("All", 0, "0"):
		return 0
	return int(limit) if limit else PAGE_SIZE


def _event_filters(filters) -> dict:
	event_filters = {"status": filters.get("status") or "Active", **_point_filters(filters)}
	for field in ("risk_level", "control_level", "risk_point", "risk_point_type"):
		if filters.get(field):
			event_filters[field] = filters[field]
	return event_filters


def _event_where(filters) -> tuple[str, dict]:
	"""The register's WHERE clause on `tabRisk Event`: its filters and the reader's
	permissions exactly as ``frappe.get_list`` applies them (role, User Permissions,
	the department scope, shares — Frappe's ``build_match_conditions``)."""
	from frappe.desk.reportview import build_match_conditions

	if not frappe.has_permission("Risk Event", "read"):
		frappe.throw(_("Not permitted to read {0}").format(_("Risk Event")), frappe.PermissionError)
	event_filters = _event_filters(filters)
	clauses, values = [], {}
	for i, (field, value) in enumerate(event_filters.items()):
		if isinstance(value, tuple):  # ("in", [...])
			clauses.append(f"`tabRisk Event`.`{field}` in %(f{i})s")
			values[f"f{i}"] = tuple(value[1]) or ("",)
		else:
			clauses.append(f"`tabRisk Event`.`{field}` = %(f{i})s")
			values[f"f{i}"] = value
	match = build_match_conditions("Risk Event")
	if match:
		clauses.append(f"({match})")
	return " and ".join(clauses), values


def risk_register_count(filters: dict | None = None) -> int:
	where, values = _event_where(frappe._dict(filters or {}))
	return frappe.db.sql(f"select count(*) from `tabRisk Event` where {where}", values)[0][0]


def risk_register_rows(filters: dict | None = None, start: int = 0, limit: int | None = None) -> list[dict]:
	"""One page of the register, most severe first (``limit`` 0: every row).

	One indexed query for the events with their point and the point's 包保
	persons' names, and one for their measures aggregated per event — the shape a
	hand-written register would have. Rows read are the cost of a register: the
	database joins and aggregates, Python only labels."""
	filters = frappe._dict(filters or {})
	limit = page_limit(filters) if limit is None else limit
	where, values = _event_where(filters)
	fields = ", ".join(f"`tabRisk Event`.`{f}`" for f in EVENT_FIELDS)
	select = f"""
		select {fields}, point.location, point.last_review_date,
			main.employee_name as main_responsible, technical.employee_name as technical_responsible,
			operating.employee_name as operating_responsible{{measures}}
		from `tabRisk Event`
		join `tabRisk Point` point on point.name = `tabRisk Event`.risk_point
		left join `tabEmployee` main on main.name = point.main_responsible_person
		left join `tabEmployee` technical on technical.name = point.technical_responsible_person
		left join `tabEmployee` operating on operating.name = point.operating_responsible_person
		{{join}}
		where {where}
		{{group}}
		order by field(`tabRisk Event`.risk_level, 'Major', 'Significant', 'General', 'Low'),
			`tabRisk Event`.risk_point, `tabRisk Event`.step_no, `tabRisk Event`.name
		{{page}}
	"""
	if limit:
		# a page: its events, then the measures of those events
		query = select.format(measures="", join="", group="", page=f"limit {int(limit)} offset {int(start)}")
		events = frappe.db.sql(query, values, as_dict=True)
		if not events:
			return []
		measures = _measures_of(
			frappe.db.sql(
				f"select m.risk_event, {MEASURE_AGGREGATES} from `tabControl Measure` m "
				"where m.status != 'Archived' and m.risk_event in %(events)s group by m.risk_event",
				{"events": tuple(e.name for e in events)},
				as_dict=True,
			)
		)
	else:
		# every row: events and their measures in one aggregated query
		query = select.format(
			measures=f", {MEASURE_AGGREGATES}",
			join="left join `tabControl Measure` m on m.risk_event = `tabRisk Event`.name and m.status != 'Archived'",
			group="group by `tabRisk Event`.name",
			page="",
		)
		events = frappe.db.sql(query, values, as_dict=True)
		measures = _measures_of(events)
	label = Labels()
	rows = []
	for event in events:
		row = event
		row.update(
			{
				"risk_point_type": label(event.risk_point_type),
				"hazard_factor": label.hazard_factor(event.hazard_factor_category),
				"level_key": event.risk_level,
				"risk_level": label(event.risk_level),
				"colour": label(LEVEL_COLOURS.get(event.risk_level)),
				"control_level_label": label(event.control_level),
				"accident_type_name": label.accident_type(event.accident_type),
				"investigation_items": measures["checks"].get(event.name, 0),
			}
		)
		for measure_class, column in MEASURE_COLUMNS.items():
			row[column] = "\n".join(measures["text"][event.name].get(measure_class, []))
		rows.append(row)
	return rows


class Labels:
	"""Translated labels, each looked up once per call (a translation is a cache read,
	and a register has thousands of rows with a handful of distinct values)."""

	def __init__(self):
		self.cache: dict[tuple, str] = {}

	def __call__(self, value: str | None) -> str:
		if not value:
			return ""
		key = ("", value)
		if key not in self.cache:
			self.cache[key] = _(value)
		return self.cache[key]

	def accident_type(self, code: str | None) -> str:
		if not code:
			return ""
		key = ("accident", code)
		if key not in self.cache:
			self.cache[key] = _(frappe.get_cached_value("Accident Type", code, "accident_type_name") or "")
		return self.cache[key]

	def hazard_factor(self, code: str | None) -> str:
		if not code:
			return ""
		key = ("factor", code)
		if key not in self.cache:
			self.cache[key] = _hazard_factor_label(code)
		return self.cache[key]


def _hazard_factor_label(code: str | None) -> str:
	if not code:
		return ""
	name = frappe.get_cached_value("Hazard Factor Category", code, "category_name")
	return f"{code} {_(name)}" if name else code


# each event's live measures aggregated by the database (alias m): one text per five-category
# class, a non-active status marked "Status|", and how many carry check content
MEASURE_AGGREGATES = ", ".join(
	[
		"count(m.check_content) as checks",
		*(
			f"group_concat(if(m.measure_class = '{measure_class}', "
			"concat(if(m.status = 'Active', '', concat(m.status, '|')), m.description), null) "
			f"order by m.creation, m.name separator '\\n') as {column}"
			for measure_class, column in MEASURE_COLUMNS.items()
		),
	]
)


def _measures_of(rows) -> dict:
	"""Measure texts per event and class from rows carrying MEASURE_AGGREGATES, statuses translated."""
	text: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
	checks: dict[str, int] = defaultdict(int)
	statuses: dict[str, str] = {}

	def shown(line: str) -> str:
		status, marked, description = line.partition("|")
		if not marked:
			return line
		if status not in statuses:
			statuses[status] = _(status)
		return f"{description} ({statuses[status]})"

	for row in rows:
		event = row.get("risk_event") or row.name
		checks[event] = row.checks or 0
		for measure_class, column in MEASURE_COLUMNS.items():
			if row.get(column):
				text[event][measure_class] = [shown(line) for line in row[column].split("\n")]
	return {"text": text, "checks": checks}


def risk_point_register_rows(filters: dict | None = None) -> list[dict]:
	filters = frappe._dict(filters or {})
	point_filters = {"status": filters.get("status") or "Active", **_point_filters(filters)}
	if filters.get("risk_level"):
		point_filters["current_risk_level"] = filters.risk_level
	if filters.get("control_level"):
		point_filters["current_control_level"] = filters.control_level
	points = frappe.get_list(
		"Risk Point",
		filters=point_filters,
		fields=[
			"name",
			"risk_point_name",
			"risk_point_type",
			"location",
			"current_risk_level",
			"current_control_level",
			"department",
			"responsible_employee_name",
			"is_major_hazard_installation",
			"description",
			"is_group",
			"parent_risk_point",
		],
		order_by="lft asc",
		limit_page_length=0,
	)
	accidents: dict[str, list[str]] = defaultdict(list)
	if points:
		for e in frappe.get_list(
			"Risk Event",
			filters={"risk_point": ("in", [p.name for p in points]), "status": "Active"},
			fields=["risk_point", "accident_type"],
			order_by="accident_type asc",
			limit_page_length=0,
		):
			title = _(
				frappe.get_cached_value("Accident Type", e.accident_type, "accident_type_name")
				or e.accident_type
			)
			if title not in accidents[e.risk_point]:
				accidents[e.risk_point].append(title)
	rows = []
	for p in points:
		remarks = [_("Major hazard installation")] if p.is_major_hazard_installation else []
		if p.description:
			remarks.append(p.description)
		rows.append(
			frappe._dict(
				{
					"risk_point": p.name,
					"risk_point_name": p.risk_point_name,
					"risk_point_type": _(p.risk_point_type),
					"possible_accidents": ", ".join(accidents.get(p.name, [])),
					"location": p.location,
					"level_key": p.current_risk_level,
					"risk_level": _(p.current_risk_level) if p.current_risk_level else "",
					"control_level": _(p.current_control_level) if p.current_control_level else "",
					"control_rank": control_rank(p.current_control_level or ""),
					"department": p.department,
					"responsible": p.responsible_employee_name,
					"remarks": "; ".join(remarks),
				}
			)
		)
	return rows
