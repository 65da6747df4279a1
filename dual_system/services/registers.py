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
	bounds = frappe.db.get_value("Department", department, ["lft", "rgt"])
	if not bounds:
		return [department]
	return frappe.get_all("Department", {"lft": (">=", bounds[0]), "rgt": ("<=", bounds[1])}, pluck="name")


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


def risk_register_count(filters: dict | None = None) -> int:
	filters = frappe._dict(filters or {})
	rows = frappe.get_list("Risk Event", filters=_event_filters(filters), fields=["count(*) as n"])
	return rows[0].n if rows else 0


def risk_register_rows(filters: dict | None = None, start: int = 0, limit: int | None = None) -> list[dict]:
	"""One page of the register, most severe first (``limit`` 0: every row)."""
	filters = frappe._dict(filters or {})
	limit = page_limit(filters) if limit is None else limit
	events = frappe.get_list(
		"Risk Event",
		filters=_event_filters(filters),
		fields=EVENT_FIELDS,
		order_by="field(`tabRisk Event`.risk_level, 'Major', 'Significant', 'General', 'Low'), "
		"`tabRisk Event`.risk_point, `tabRisk Event`.step_no, `tabRisk Event`.name",
		limit_start=start,
		limit_page_length=limit,
	)
	if not events:
		return []
	points = _points_of(event.risk_point for event in events)
	measures = _measures_of([e.name for e in events])
	label = Labels()
	rows = []
	for event in events:
		point = points.get(event.risk_point, frappe._dict())
		row = frappe._dict(event)
		row.update(
			{
				"location": point.location,
				"risk_point_type": label(event.risk_point_type),
				"hazard_factor": label.hazard_factor(event.hazard_factor_category),
				"level_key": event.risk_level,
				"risk_level": label(event.risk_level),
				"colour": label(LEVEL_COLOURS.get(event.risk_level)),
				"control_level_label": label(event.control_level),
				"accident_type_name": label.accident_type(event.accident_type),
				"main_responsible": point.main_name,
				"technical_responsible": point.technical_name,
				"operating_responsible": point.operating_name,
				"last_review_date": point.last_review_date,
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


def _points_of(names) -> dict:
	names = sorted(set(names))
	points = frappe.get_all(
		"Risk Point",
		filters={"name": ("in", names)},
		fields=[
			"name",
			"location",
			"last_review_date",
			"main_responsible_person",
			"technical_responsible_person",
			"operating_responsible_person",
		],
	)
	employees = {
		p: n
		for p, n in frappe.get_all(
			"Employee",
			filters={
				"name": (
					"in",
					[
						e
						for p in points
						for e in (
							p.main_responsible_person,
							p.technical_responsible_person,
							p.operating_responsible_person,
						)
						if e
					]
					or [""],
				)
			},
			fields=["name", "employee_name"],
			as_list=True,
		)
	}
	out = {}
	for p in points:
		p.main_name = employees.get(p.main_responsible_person)
		p.technical_name = employees.get(p.technical_responsible_person)
		p.operating_name = employees.get(p.operating_responsible_person)
		out[p.name] = p
	return out


def _measures_of(event_names: list[str]) -> dict:
	"""Each event's live measures, one text per five-category class, and how many
	carry check content — aggregated by the database (one row per event, not one per
	measure: reading rows is most of a register's cost)."""
	text: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
	checks: dict[str, int] = defaultdict(int)
	columns = {column: measure_class for measure_class, column in MEASURE_COLUMNS.items()}
	fields = ["risk_event", "count(`check_content`) as checks"] + [
		f"group_concat(if(`measure_class` = {frappe.db.escape(measure_class)}, "
		"concat(if(`status` = 'Active', '', concat(`status`, '|')), `description`), null) "
		f"order by `creation`, `name` separator '\\n') as {column}"
		for measure_class, column in MEASURE_COLUMNS.items()
	]
	statuses: dict[str, str] = {}

	def shown(line: str) -> str:
		status, marked, description = line.partition("|")
		if not marked:
			return line
		if status not in statuses:
			statuses[status] = _(status)
		return f"{description} ({statuses[status]})"

	for row in frappe.get_list(
		"Control Measure",
		filters={"risk_event": ("in", event_names), "status": ("!=", "Archived")},
		fields=fields,
		group_by="risk_event",
		order_by="risk_event asc",
		limit_page_length=0,
	):
		checks[row.risk_event] = row.checks
		for column, measure_class in columns.items():
			if row.get(column):
				text[row.risk_event][measure_class] = [shown(line) for line in row[column].split("\n")]
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
