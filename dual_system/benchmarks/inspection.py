"""Benchmark of inspection task generation (not a timed test): one day of tasks for N
plans, as rows per second, against a raw bulk insert of the very same rows measured in
the same run (``bench --site S ds-benchmark-inspection``).

The plans are written straight into the tables (they are the input, not what is
measured), named ``IPB-#####``, and removed with their tasks at the end.
"""

from __future__ import annotations

import datetime
import statistics
import time
import tracemalloc

import frappe

from dual_system.services import inspection

PREFIX = "IPB-"
DAY = "2026-12-01 00:05:00"
# (cycle interval, unit, work start, work end): a plant's mix of cycles
CYCLES = [
	(2, "Hour", "08:00:00", "16:00:00"),
	(1, "Day", None, None),
	(1, "Week", None, None),
	(12, "Hour", None, None),
]


def build_plans(count: int, items: int = 3) -> list[str]:
	company = (
		frappe.db.get_single_value("Global Defaults", "default_company")
		or frappe.get_all("Company", pluck="name")[0]
	)
	investigation_type = frappe.db.get_value("Investigation Type", {}, "name")
	employee = frappe.db.get_value(
		"Employee", {"company": company, "status": "Active", "user_id": ("is", "set")}, "name"
	)
	now = frappe.utils.now_datetime()
	plans, rows = [], []
	for n in range(count):
		interval, unit, start, end = CYCLES[n % len(CYCLES)]
		name = f"{PREFIX}{n:05d}"
		plans.append(
			(
				name,
				f"Benchmark plan {n}",
				investigation_type,
				company,
				1,
				interval,
				unit,
				"Every Day",
				start,
				end,
				"2026-11-30",
				employee,
				"Routine",
				now,
				now,
				"Administrator",
				"Administrator",
			)
		)
		for i in range(1, items + 1):
			rows.append(
				(
					f"{name}-{i}",
					name,
					"Inspection Plan",
					"items",
					i,
					f"Check item {i} of plan {n}",
					"Standard",
					"On-site",
					now,
					now,
					"Administrator",
					"Administrator",
				)
			)
	frappe.db.bulk_insert(
		"Inspection Plan",
		[
			"name",
			"plan_title",
			"investigation_type",
			"company",
			"enabled",
			"cycle_interval",
			"cycle_unit",
			"work_day_type",
			"work_start",
			"work_end",
			"start_date",
			"assignee",
			"baobao_work_type",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		plans,
	)
	frappe.db.bulk_insert(
		"Inspection Plan Item",
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"content",
			"standard",
			"item_class",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		rows,
	)
	frappe.db.commit()
	return [p[0] for p in plans]


def clear_tasks(plans: list[str], reset: bool = True):
	like = f"{PREFIX}%"
	frappe.db.sql("delete from `tabInspection Task Item` where parent like %s", like)
	frappe.db.sql(
		"delete from `tabToDo` where reference_type = 'Inspection Task' and reference_name like %s", like
	)
	frappe.db.sql("delete from `tabInspection Task` where plan like %s", like)
	if reset:
		frappe.db.sql("update `tabInspection Plan` set generated_until = null where name like %s", like)
	frappe.db.commit()


def remove_plans():
	like = f"{PREFIX}%"
	clear_tasks([], reset=False)
	frappe.db.sql("delete from `tabInspection Plan Item` where parent like %s", like)
	frappe.db.sql("delete from `tabInspection Plan` where name like %s", like)
	frappe.db.commit()


def run(plans: int = 2000, repeat: int = 3) -> dict:
	frappe.flags.in_benchmark = True
	remove_plans()
	names = build_plans(plans)
	try:
		generation, baseline, counted = [], [], {}
		for _ in range(repeat):
			clear_tasks(names)
			captured = []
			real = inspection.insert_rows

			def capture(tasks, rows, todos, chunk=1000, real=real, captured=captured):
				captured.append((tasks, rows, todos))
				return real(tasks, rows, todos, chunk)

			inspection.insert_rows = capture
			try:
				started = time.perf_counter()
				made = inspection.generate_tasks(DAY, plans=names, horizon=1)
				generation.append(time.perf_counter() - started)
			finally:
				inspection.insert_rows = real
			counted = {
				"tasks": made,
				"items": sum(len(c[1]) for c in captured),
				"todos": sum(len(c[2]) for c in captured),
			}
			# the same rows, written raw: one multi-row INSERT per table and chunk, one commit
			clear_tasks(names)
			started = time.perf_counter()
			for tasks, rows, todos in captured:
				frappe.db.bulk_insert("Inspection Task", inspection.TASK_COLUMNS, tasks, chunk_size=1000)
				frappe.db.bulk_insert("Inspection Task Item", inspection.ITEM_COLUMNS, rows, chunk_size=1000)
				frappe.db.bulk_insert("ToDo", inspection.TODO_COLUMNS, todos, chunk_size=1000)
			frappe.db.commit()
			baseline.append(time.perf_counter() - started)
		# memory, in untimed runs (tracemalloc slows Python down): the peak of generating for
		# all the plans and for a quarter of them — batched generation keeps them close
		peaks = {}
		for share, subset in (("all", names), ("quarter", names[: max(1, len(names) // 4)])):
			clear_tasks(names)
			tracemalloc.start()
			inspection.generate_tasks(DAY, plans=subset, horizon=1)
			peaks[share] = tracemalloc.get_traced_memory()[1]
			tracemalloc.stop()
		rows = counted["tasks"] + counted["items"] + counted["todos"]
		gen, raw = statistics.median(generation), statistics.median(baseline)
		results = {
			"plans": plans,
			"day": DAY[:10],
			**counted,
			"rows": rows,
			"generation_s": round(gen, 3),
			"generation_rows_per_s": round(rows / gen),
			"tasks_per_s": round(counted["tasks"] / gen),
			"raw_bulk_insert_s": round(raw, 3),
			"raw_rows_per_s": round(rows / raw),
			"ratio": round(gen / raw, 2),
			"peak_kib_all_plans": round(peaks["all"] / 1024),
			"peak_kib_quarter_of_plans": round(peaks["quarter"] / 1024),
			"memory_ratio_all_to_quarter": round(peaks["all"] / max(peaks["quarter"], 1), 2),
			"repeat": repeat,
		}
	finally:
		remove_plans()
	print(report(results))
	return results


def report(r: dict) -> str:
	return "\n".join(
		[
			f"task generation, one day ({r['day']}) of {r['plans']} plans (median of {r['repeat']}):",
			f"- rows written: {r['rows']} ({r['tasks']} tasks, {r['items']} checklist rows, {r['todos']} ToDos)",
			f"- generate_tasks: {r['generation_s']} s = {r['generation_rows_per_s']} rows/s ({r['tasks_per_s']} tasks/s)",
			f"- raw bulk insert of the same rows: {r['raw_bulk_insert_s']} s = {r['raw_rows_per_s']} rows/s",
			f"- ratio generation / raw insert: {r['ratio']}×",
			f"- peak Python memory of generation (tracemalloc): {r['peak_kib_all_plans']} KiB for all plans, "
			f"{r['peak_kib_quarter_of_plans']} KiB for a quarter of them "
			f"(ratio {r['memory_ratio_all_to_quarter']}×; 4× would mean memory grows with the plans)",
		]
	)
