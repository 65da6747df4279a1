"""Investigation reports: rows read with the reader's permissions (``frappe.get_list``),
so the department scope applies to every one of them as it does to lists."""

from __future__ import annotations

import datetime

import frappe
from frappe import _
from frappe.utils import add_days, getdate

from dual_system.core import schedule

COMPLETION_GROUPS = {
	"Person": ("assignee", "assignee_name"),
	"Department": ("department", "department"),
	"Work Type": ("baobao_work_type", "baobao_work_type"),
}


def _t(value) -> str:
	"""A stored select value in the reader's language."""
	return _(value) if value else ""


def _period(filters, field: str) -> list:
	out = []
	if filters.get("from_date"):
		out.append([field, ">=", getdate(filters["from_date"])])
	if filters.get("to_date"):
		out.append([field, "<", add_days(getdate(filters["to_date"]), 1)])
	return out


def _task_filters(filters, field: str = "slot_start") -> list:
	out = _period(filters, field)
	for key in ("company", "department", "risk_point"):
		if filters.get(key):
			out.append(["Inspection Task", key, "=", filters[key]])
	return out


def investigation_records(filters) -> list[dict]:
	"""排查记录: each answered (or missed) checklist row of the period."""
	filters = frappe._dict(filters or {})
	conditions = [
		*_task_filters(filters),
		["Inspection Task", "status", "in", [schedule.DONE, schedule.MISSED]],
	]
	if filters.get("result"):
		conditions.append(["Inspection Task Item", "result", "=", filters.result])
	rows = frappe.get_list(
		"Inspection Task",
		filters=conditions,
		fields=[
			"name as task",
			"plan_title",
			"slot_start",
			"window_end",
			"status",
			"completed_on",
			"on_time",
			"assignee_name",
			"department",
			"`tabInspection Task Item`.risk_point as risk_point",
			"`tabInspection Task Item`.control_measure as control_measure",
			"`tabInspection Task Item`.content as content",
			"`tabInspection Task Item`.result as result",
			"`tabInspection Task Item`.note as note",
			"`tabInspection Task Item`.hazard_ticket as hazard_ticket",
			"`tabInspection Task Item`.idx as idx",
		],
		order_by="`tabInspection Task`.slot_start desc, `tabInspection Task Item`.idx asc",
		limit_page_length=0,
	)
	for row in rows:
		row["status"] = _t(row.get("status"))
		row["result"] = _t(row.get("result"))
	return rows


def completion_rate(filters) -> list[dict]:
	"""Tasks that came due in the period (window ended) and how many were done on time,
	by person, department or 包保 work type."""
	filters = frappe._dict(filters or {})
	key, label = COMPLETION_GROUPS.get(filters.get("group_by") or "Person", COMPLETION_GROUPS["Person"])
	conditions = [*_task_filters(filters, "window_end"), ["window_end", "<=", datetime.datetime.now()]]
	tasks = frappe.get_list(
		"Inspection Task",
		filters=conditions,
		fields=[f"{key} as group_key", f"{label} as group_label", "status", "on_time", "count(name) as n"],
		group_by=f"{key}, {label}, status, on_time",
		order_by=f"{key} asc",
		limit_page_length=0,
	)
	out: dict[str, dict] = {}
	for t in tasks:
		row = out.setdefault(
			t.group_key or "",
			{
				"group": t.group_label or t.group_key or _("Not Set"),
				"scheduled": 0,
				"on_time": 0,
				"late": 0,
				"missed": 0,
			},
		)
		row["scheduled"] += t.n
		if t.status == schedule.DONE and t.on_time:
			row["on_time"] += t.n
		elif t.status == schedule.DONE:
			row["late"] += t.n
		elif t.status == schedule.MISSED:
			row["missed"] += t.n
	rows = list(out.values())
	for row in rows:
		row["rate"] = round(100.0 * row["on_time"] / row["scheduled"], 1) if row["scheduled"] else 0.0
		if key == "baobao_work_type":
			row["group"] = _t(row.get("group"))
	return rows


def measures_without_plan(filters) -> list[dict]:
	"""Active control measures no enabled inspection plan checks."""
	filters = frappe._dict(filters or {})
	conditions = [["status", "=", "Active"]]
	for key in ("company", "risk_point"):
		if filters.get(key):
			conditions.append([key, "=", filters[key]])
	item, plan = frappe.qb.DocType("Inspection Plan Item"), frappe.qb.DocType("Inspection Plan")
	planned = set(
		frappe.qb.from_(item)
		.join(plan)
		.on((item.parent == plan.name) & (item.parenttype == "Inspection Plan"))
		.select(item.control_measure)
		.distinct()
		.where((plan.enabled == 1) & item.control_measure.isnotnull())
		.run(pluck=True)
	)
	measures = frappe.get_list(
		"Control Measure",
		filters=conditions,
		fields=[
			"name",
			"risk_point",
			"risk_event",
			"risk_level",
			"control_level",
			"measure_class",
			"description",
			"cycle_value",
			"cycle_unit",
		],
		order_by="risk_point asc, name asc",
		limit_page_length=0,
	)
	rows = [m for m in measures if m.name not in planned]
	for row in rows:
		for field in ("risk_level", "control_level", "measure_class", "cycle_unit"):
			row[field] = _t(row.get(field))
	return rows


def my_tasks(filters, user: str | None = None) -> list[dict]:
	"""The user's own tasks (its employees'), as a 包保 person's task list."""
	filters = frappe._dict(filters or {})
	employees = frappe.get_all("Employee", {"user_id": user or frappe.session.user}, pluck="name")
	if not employees:
		return []
	conditions = [*_period(filters, "slot_start"), ["assignee", "in", employees]]
	if filters.get("status"):
		conditions.append(["status", "=", filters.status])
	rows = frappe.get_list(
		"Inspection Task",
		filters=conditions,
		fields=[
			"name",
			"plan",
			"plan_title",
			"baobao_work_type",
			"risk_point",
			"slot_start",
			"window_end",
			"status",
			"completed_on",
			"defect_count",
		],
		order_by="slot_start asc",
		limit_page_length=500,
	)
	numbers = dict(
		frappe.get_all(
			"Inspection Plan",
			{"name": ("in", sorted({r.plan for r in rows}) or [""])},
			["name", "task_number"],
			as_list=True,
		)
	)
	for row in rows:
		row["task_number"] = numbers.get(row.plan) or None
		row["status"] = _t(row.get("status"))
		row["baobao_work_type"] = _t(row.get("baobao_work_type"))
	return rows
