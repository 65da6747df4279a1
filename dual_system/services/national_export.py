"""The national data-model export (DOMAIN.md §1.5, docs/national-export.md): risk analysis
object → unit → event → control measure → investigation task → investigation record →
hidden danger, for one company and period, as JSON (validated against
``national_export.schema.json``) and as an Excel workbook of one sheet per level.

Objects and units come from the Risk Point tree: a unit is a risk point with live
events; its object is its parent group point (a unit without a parent is its own
object). Tasks are inspection plans checking the measure; records are the checklist
rows of tasks due in the period; hidden dangers are the tickets raised from them.
"""

from __future__ import annotations

import datetime
import json
import os
from io import BytesIO

import frappe
from frappe.utils import add_days, cstr, getdate

from dual_system.core import hazard as hazard_codes
from dual_system.core.levels import LEVEL_CODES
from dual_system.core.schedule import WEEK, WORK_DAY_TYPE_CODES

SCHEMA_VERSION = "dual_system/national-export/1"
SCHEMA_PATH = os.path.join(os.path.dirname(__file__), "national_export.schema.json")
CYCLE_UNITS = {"Hour": "hour", "Day": "day", "Month": "month", "Year": "year"}
WORK_TYPE_CODES = {"Routine": 0, "Main": 1, "Technical": 2, "Operating": 3}
RESULT_CODES = {"OK": "ok", "Defect": "defect", "Not Applicable": "not_applicable"}
MEASURE_CLASS_L1 = {
	"Engineering Technology": "engineering_technology",
	"Maintenance": "maintenance",
	"Operating Behaviour": "operating_behaviour",
	"Emergency Measures": "emergency_measures",
}


def schema() -> dict:
	with open(SCHEMA_PATH) as f:
		return json.load(f)


def export_cycle(interval: int, unit: str) -> tuple[int, str]:
	"""A week is exported as 7 days (the guideline has no week unit)."""
	if unit == WEEK:
		return int(interval) * 7, "day"
	return int(interval), CYCLE_UNITS[unit]


def _time(value) -> str | None:
	"""HH:MM:SS of a Time value (MariaDB hands back a timedelta: 8:00:00)."""
	if value in (None, ""):
		return None
	seconds = int(frappe.utils.to_timedelta(value).total_seconds())
	return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _dt(value) -> str | None:
	if not value:
		return None
	return frappe.utils.get_datetime(value).strftime("%Y-%m-%d %H:%M:%S")


def build(company: str, from_date, to_date) -> dict:
	"""The export of a company for a period (inclusive dates)."""
	start = datetime.datetime.combine(getdate(from_date), datetime.time(0, 0))
	end = datetime.datetime.combine(add_days(getdate(to_date), 1), datetime.time(0, 0))
	events = frappe.get_all(
		"Risk Event",
		{"company": company, "status": "Active"},
		["name", "risk_point", "hazard", "consequence", "risk_level", "accident_type", "control_level"],
		order_by="risk_point, name",
	)
	points = {
		p.name: p
		for p in frappe.get_all(
			"Risk Point",
			{"company": company},
			[
				"name",
				"risk_point_name",
				"risk_point_type",
				"parent_risk_point",
				"is_major_hazard_installation",
				"current_risk_level",
				"department",
			],
		)
	}
	measures = frappe.get_all(
		"Control Measure",
		{"risk_event": ("in", [e.name for e in events] or [""]), "status": "Active"},
		["name", "risk_event", "description", "measure_class", "national_class_l1", "national_class_l2"],
		order_by="name",
	)
	plan_items = frappe.get_all(
		"Inspection Plan Item",
		{"control_measure": ("in", [m.name for m in measures] or [""]), "parenttype": "Inspection Plan"},
		["parent", "control_measure", "content"],
		order_by="parent, idx",
	)
	plans = {
		p.name: p
		for p in frappe.get_all(
			"Inspection Plan",
			{"name": ("in", sorted({i.parent for i in plan_items}) or [""]), "company": company},
			[
				"name",
				"plan_title",
				"cycle_interval",
				"cycle_unit",
				"work_day_type",
				"work_start",
				"work_end",
				"start_date",
				"baobao_work_type",
				"task_number",
				"enabled",
			],
		)
	}
	records = frappe.db.sql(
		"""select i.name, i.parent as task, i.control_measure, i.result, i.note, i.hazard_ticket,
			t.plan, t.slot_start, t.window_end, t.status, t.completed_on, t.assignee_name
		from `tabInspection Task Item` i join `tabInspection Task` t on t.name = i.parent
		where t.company = %(company)s and t.slot_start >= %(start)s and t.slot_start < %(end)s
			and t.status in ('Done', 'Missed')
		order by t.slot_start, i.idx""",
		{"company": company, "start": start, "end": end},
		as_dict=True,
	)
	tickets = {
		t.name: t
		for t in frappe.get_all(
			"Hazard Ticket",
			{"name": ("in", sorted({r.hazard_ticket for r in records if r.hazard_ticket}) or [""])},
			[
				"name",
				"grade",
				"source",
				"hazard_type",
				"handling",
				"status",
				"accepted",
				"description",
				"deadline",
				"date_found",
			],
		)
	}
	accident_codes = dict(
		frappe.get_all(
			"Accident Type",
			{"name": ("in", sorted({e.accident_type for e in events if e.accident_type}) or [""])},
			["name", "code"],
			as_list=True,
		)
	)

	def hidden_danger(name):
		t = tickets.get(name)
		if not t:
			return None
		return {
			"code": t.name,
			"level": hazard_codes.grade_code(t.grade),
			"source": hazard_codes.source_code(t.source),
			"type": hazard_codes.hazard_type_code(t.hazard_type),
			"handling": hazard_codes.handling_code(t.handling),
			"state": hazard_codes.state_code(t.status, bool(t.accepted)),
			"description": cstr(t.description),
			"found_at": _dt(t.date_found),
			"deadline": cstr(t.deadline) or None,
		}

	records_by_plan_measure: dict[tuple, list] = {}
	for r in records:
		records_by_plan_measure.setdefault((r.plan, r.control_measure), []).append(
			{
				"code": r.name,
				"task_instance": r.task,
				"due_from": _dt(r.slot_start),
				"due_by": _dt(r.window_end),
				"checked_at": _dt(r.completed_on),
				"investigator": cstr(r.assignee_name) or None,
				"result": RESULT_CODES.get(r.result, "missed") if r.status == "Done" else "missed",
				"note": cstr(r.note) or None,
				"hidden_dangers": [d for d in [hidden_danger(r.hazard_ticket)] if d],
			}
		)

	tasks_by_measure: dict[str, list] = {}
	for item in plan_items:
		plan = plans.get(item.parent)
		if not plan:
			continue
		interval, unit = export_cycle(plan.cycle_interval, plan.cycle_unit)
		work_type = WORK_TYPE_CODES.get(plan.baobao_work_type, 0)
		tasks_by_measure.setdefault(item.control_measure, []).append(
			{
				"code": f"{plan.name}:{item.control_measure}",
				"plan": plan.name,
				"content": cstr(item.content),
				"cycle": interval,
				"cycle_unit": unit,
				"start_time": f"{plan.start_date} 00:00:00",
				"work_start": _time(plan.work_start) if plan.cycle_unit == "Hour" else None,
				"work_end": _time(plan.work_end) if plan.cycle_unit == "Hour" else None,
				"work_day_type": WORK_DAY_TYPE_CODES.get(plan.work_day_type, 0),
				"work_type": work_type,
				"task_number": (plan.task_number or None) if work_type else None,
				"enabled": bool(plan.enabled),
				"records": records_by_plan_measure.get((plan.name, item.control_measure), []),
			}
		)

	measures_by_event: dict[str, list] = {}
	for m in measures:
		measures_by_event.setdefault(m.risk_event, []).append(
			{
				"code": m.name,
				"description": cstr(m.description),
				"class_l1": MEASURE_CLASS_L1.get(m.national_class_l1),
				"class_l2": m.national_class_l2 or None,
				"five_category": m.measure_class,
				"tasks": tasks_by_measure.get(m.name, []),
			}
		)

	units: dict[str, dict] = {}
	for e in events:
		point = points.get(e.risk_point)
		if not point:
			continue
		unit = units.setdefault(
			point.name,
			{
				"code": point.name,
				"name": point.risk_point_name,
				"type": point.risk_point_type,
				"risk_level": LEVEL_CODES.get(point.current_risk_level),
				"department": point.department,
				"events": [],
			},
		)
		unit["events"].append(
			{
				"code": e.name,
				"description": cstr(e.hazard),
				"consequence": cstr(e.consequence) or None,
				"risk_level": LEVEL_CODES.get(e.risk_level),
				"accident_type": accident_codes.get(e.accident_type),
				"control_level": e.control_level,
				"measures": measures_by_event.get(e.name, []),
			}
		)

	objects: dict[str, dict] = {}
	for code, unit in units.items():
		parent = points[code].parent_risk_point or code
		owner = points.get(parent) or points[code]
		obj = objects.setdefault(
			owner.name,
			{
				"code": owner.name,
				"name": owner.risk_point_name,
				"is_major_hazard_installation": bool(owner.is_major_hazard_installation),
				"units": [],
			},
		)
		obj["units"].append(unit)

	return {
		"schema": SCHEMA_VERSION,
		"company": company,
		"period": {"from": str(getdate(from_date)), "to": str(getdate(to_date))},
		"generated_at": _dt(frappe.utils.now_datetime()),
		"objects": list(objects.values()),
	}


# --- Excel --------------------------------------------------------------------------------------
SHEETS = (
	("objects", ("code", "name", "is_major_hazard_installation")),
	("units", ("object", "code", "name", "type", "risk_level", "department")),
	("events", ("unit", "code", "description", "risk_level", "accident_type", "control_level")),
	("measures", ("event", "code", "description", "class_l1", "class_l2", "five_category")),
	(
		"tasks",
		(
			"measure",
			"code",
			"content",
			"cycle",
			"cycle_unit",
			"start_time",
			"work_start",
			"work_end",
			"work_day_type",
			"work_type",
			"task_number",
		),
	),
	(
		"records",
		("task", "code", "task_instance", "due_from", "checked_at", "investigator", "result", "note"),
	),
	(
		"hidden_dangers",
		("record", "code", "level", "source", "type", "handling", "state", "description", "deadline"),
	),
)


def flatten(data: dict):
	"""(sheet, row dict) of every node, each row naming its parent's code."""
	for o in data["objects"]:
		yield "objects", o
		for u in o["units"]:
			yield "units", {**u, "object": o["code"]}
			for e in u["events"]:
				yield "events", {**e, "unit": u["code"]}
				for m in e["measures"]:
					yield "measures", {**m, "event": e["code"]}
					for t in m["tasks"]:
						yield "tasks", {**t, "measure": m["code"]}
						for r in t["records"]:
							yield "records", {**r, "task": t["code"]}
							for d in r["hidden_dangers"]:
								yield "hidden_dangers", {**d, "record": r["code"]}


def workbook(data: dict) -> bytes:
	from openpyxl import Workbook

	book = Workbook(write_only=True)
	sheets = {}
	for name, columns in SHEETS:
		sheets[name] = book.create_sheet(name)
		sheets[name].append(list(columns))
	columns_of = dict(SHEETS)
	for sheet, row in flatten(data):
		sheets[sheet].append([_cell(row.get(c)) for c in columns_of[sheet]])
	out = BytesIO()
	book.save(out)
	return out.getvalue()


def _cell(value):
	if value is None:
		return ""
	if isinstance(value, bool):
		return int(value)
	if isinstance(value, int | float):
		return value
	return cstr(value)


# --- a small validator of the documented layout (no jsonschema needed) -----------------------
def validate(data, node_schema: dict | None = None, path: str = "$") -> list[str]:
	"""Errors of ``data`` against the subset of JSON Schema the export's schema uses
	(type, required, properties, additionalProperties false, items, enum, const, minimum)."""
	node_schema = schema() if node_schema is None else node_schema
	errors: list[str] = []
	types = node_schema.get("type")
	if types:
		allowed = types if isinstance(types, list) else [types]
		if not any(_is_type(data, t) for t in allowed):
			return [f"{path}: expected {allowed}, got {type(data).__name__}"]
	if "const" in node_schema and data != node_schema["const"]:
		errors.append(f"{path}: must be {node_schema['const']!r}")
	if "enum" in node_schema and data not in node_schema["enum"]:
		errors.append(f"{path}: {data!r} not in {node_schema['enum']}")
	if "minimum" in node_schema and isinstance(data, int | float) and not isinstance(data, bool):
		if data < node_schema["minimum"]:
			errors.append(f"{path}: {data} < {node_schema['minimum']}")
	if isinstance(data, dict):
		props = node_schema.get("properties", {})
		for key in node_schema.get("required", ()):
			if key not in data:
				errors.append(f"{path}: missing {key}")
		if node_schema.get("additionalProperties") is False:
			errors += [f"{path}: unexpected {key}" for key in data if key not in props]
		for key, value in data.items():
			if key in props:
				errors += validate(value, props[key], f"{path}.{key}")
	if isinstance(data, list) and "items" in node_schema:
		for i, value in enumerate(data):
			errors += validate(value, node_schema["items"], f"{path}[{i}]")
	return errors


def _is_type(value, name: str) -> bool:
	return {
		"object": lambda v: isinstance(v, dict),
		"array": lambda v: isinstance(v, list),
		"string": lambda v: isinstance(v, str),
		"integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
		"number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
		"boolean": lambda v: isinstance(v, bool),
		"null": lambda v: v is None,
	}[name](value)
