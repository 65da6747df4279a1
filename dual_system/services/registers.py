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

from dual_system.core.levels import LEVEL_COLOURS, control_rank, level_rank

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


def risk_register_rows(filters: dict | None = None) -> list[dict]:
	filters = frappe._dict(filters or {})
	event_filters = {"status": filters.get("status") or "Active", **_point_filters(filters)}
	event_filters.pop("risk_point_type", None)
	if filters.get("risk_point_type"):
		event_filters["risk_point_type"] = filters.risk_point_type
	for field in ("risk_level", "control_level", "risk_point"):
		if filters.get(field):
			event_filters[field] = filters[field]
	events = frappe.get_list(
		"Risk Event",
		filters=event_filters,
		fields=[
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
		],
		limit_page_length=0,
	)
	if not events:
		return []
	points = _points_of(event.risk_point for event in events)
	measures = _measures_of([e.name for e in events])
	rows = []
	for event in events:
		point = points.get(event.risk_point, frappe._dict())
		row = frappe._dict(event)
		row.update(
			{
				"location": point.location,
				"risk_point_type": _(event.risk_point_type) if event.risk_point_type else "",
				"hazard_factor": _hazard_factor_label(event.hazard_factor_category),
				"level_key": event.risk_level,
				"risk_level": _(event.risk_level) if event.risk_level else "",
				"colour": _(LEVEL_COLOURS.get(event.risk_level, "")) if event.risk_level else "",
				"control_level_label": _(event.control_level) if event.control_level else "",
				"accident_type_name": _(
					frappe.get_cached_value("Accident Type", event.accident_type, "accident_type_name") or ""
				)
				if event.accident_type
				else "",
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
	rows.sort(key=lambda r: (level_rank(r.level_key), r.risk_point, r.step_no or 0))
	return rows


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
	text: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
	checks: dict[str, int] = defaultdict(int)
	for m in frappe.get_list(
		"Control Measure",
		filters={"risk_event": ("in", event_names), "status": ("!=", "Archived")},
		fields=["risk_event", "measure_class", "description", "status", "check_content"],
		order_by="creation asc",
		limit_page_length=0,
	):
		label = m.description if m.status == "Active" else f"{m.description} ({_(m.status)})"
		text[m.risk_event][m.measure_class].append(label)
		if m.check_content:
			checks[m.risk_event] += 1
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
