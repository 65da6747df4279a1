"""Benchmark of the risk module at group scale (not part of the test command).

Builds or reuses two deterministic plants (dual_system/benchmarks/generator.py):
10 % and 100 % of ``size`` risk points, in two companies of one site. For each,
it times the calls users make — the four-colour map, the risk register (first
page and the full export), a Department Safety Lead's list count and map — over
repeated warm runs, and a baseline measured in the same run for each: the same
rows by hand-written SQL on the same indexes, or Administrator's cost of the
same call. It prints a table with p50/p95, rows, bytes and ratios, the growth
from 10 % to 100 %, the query plans of the scoped queries, and the SQL
statements one approval takes. ``docs/benchmarks.md`` records a run.

Run: ``./dev benchmark [--size 5000]`` (README), which calls :func:`run`.
"""

from __future__ import annotations

import json
import statistics
import time
from contextlib import contextmanager

import frappe

from dual_system.benchmarks import generator


# --- measuring ------------------------------------------------------------------------------
def timed(fn, repeat: int) -> dict:
	"""p50 / p95 in milliseconds over ``repeat`` warm runs (one warm-up run discarded)."""
	result = fn()
	samples = []
	for _ in range(repeat):
		frappe.local.ds_scope_context = {}
		started = time.perf_counter()
		result = fn()
		samples.append((time.perf_counter() - started) * 1000)
	samples.sort()
	p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
	return {"p50": statistics.median(samples), "p95": p95, "result": result}


@contextmanager
def statement_counter():
	"""Count the SQL statements sent through frappe.db.sql (qb runs through it too)."""
	counted = {"n": 0}
	original = frappe.db.sql

	def counting(*args, **kwargs):
		counted["n"] += 1
		return original(*args, **kwargs)

	frappe.db.sql = counting
	try:
		yield counted
	finally:
		frappe.db.sql = original


def size_of(value) -> int:
	return len(frappe.as_json(value, indent=None).encode())


def summary(measured: dict, rows=len, size: bool = True) -> dict:
	"""Timings of a call with the number of rows and bytes of its answer (the answer itself dropped)."""
	result = measured.pop("result")
	out = {**measured, "rows": rows(result)}
	if size:
		out["bytes"] = size_of(result)
	return out


@contextmanager
def as_user(user: str):
	previous = frappe.session.user
	frappe.set_user(user)
	frappe.local.ds_scope_context = {}
	try:
		yield
	finally:
		frappe.set_user(previous)


# --- the calls ------------------------------------------------------------------------------
def map_data(company: str, department: str | None = None):
	from dual_system.api.risk_map import get_map_data

	return get_map_data(company, department)


def register(company: str, page: bool):
	from frappe.desk.query_report import run as run_report

	filters = {"company": company}
	if not page:
		filters["limit"] = "All"
	return run_report("Risk Register", filters=filters)


def register_by_hand(company: str):
	"""The register's rows (events with their point and measures per class) by hand, on the same indexes."""
	return frappe.db.sql(
		"""
		select e.name, e.risk_point, p.risk_point_name, p.risk_point_type, p.location, e.step_no,
			e.step_or_item, e.hazard, e.hazard_factor_category, e.accident_type, e.consequence,
			e.evaluation_method, e.factor_values, e.score, e.risk_level, e.forced_major_reason,
			e.control_level, e.responsible_department, e.responsible_employee_name, p.last_review_date,
			group_concat(if(m.measure_class = 'Engineering Technical Measures', m.description, null) separator '\n'),
			group_concat(if(m.measure_class = 'Management Measures', m.description, null) separator '\n'),
			group_concat(if(m.measure_class = 'Training and Education Measures', m.description, null) separator '\n'),
			group_concat(if(m.measure_class = 'Personal Protection Measures', m.description, null) separator '\n'),
			group_concat(if(m.measure_class = 'Emergency Response Measures', m.description, null) separator '\n'),
			count(m.check_content)
		from `tabRisk Event` e
		join `tabRisk Point` p on p.name = e.risk_point
		left join `tabControl Measure` m on m.risk_event = e.name and m.status != 'Archived'
		where e.company = %s and e.status = 'Active'
		group by e.name
		order by e.risk_level, e.risk_point, e.step_no
		""",
		(company,),
	)


def lead_count(company: str, department: str | None = None):
	filters = {"company": company}
	if department:
		filters["department"] = ("descendants of (inclusive)", department)
	return frappe.get_list("Risk Point", filters=filters, fields=["count(*) as n"])[0].n


def explain(doctype: str, company: str, fields=("count(*) as n",)) -> list[dict]:
	query = frappe.get_list(doctype, filters={"company": company}, fields=list(fields), run=0)
	return frappe.db.sql(f"explain {query}", as_dict=True)


def approval_statements(plant: generator.Plant, key: str) -> int:
	"""SQL statements of one approval of a 3-row assessment through the workflow."""
	import random

	from frappe.model.workflow import apply_workflow

	i = 900000 + len(frappe.get_all("Risk Point", {"name": ("like", f"BP{key}-9%")}))
	rng = random.Random(i)
	name = generator.point_name(i, key)
	frappe.set_user(plant.officer)
	department = plant.departments[0]
	frappe.get_doc(
		{
			"doctype": "Risk Point",
			"risk_point_code": name,
			"risk_point_name": f"Approval probe {i}",
			"risk_point_type": "Facility / Equipment",
			"company": plant.company,
			"department": department,
			"location": plant.locations[0],
			"responsible_employee": plant.employees[department],
		}
	).insert()
	doc = frappe.get_doc(
		{
			"doctype": "Risk Assessment",
			"risk_point": name,
			"evaluation_method": "LEC",
			"rows": [generator._row(rng, n) for n in (1, 2, 3)],
		}
	).insert()
	apply_workflow(doc, "Submit for Review")
	frappe.set_user(plant.leads[department])
	apply_workflow(frappe.get_doc("Risk Assessment", doc.name), "Review")
	doc = frappe.get_doc("Risk Assessment", doc.name)
	frappe.set_user(plant.principal if doc.has_major_risk else plant.manager)
	with statement_counter() as counted:
		apply_workflow(doc, "Approve")
	frappe.set_user("Administrator")
	frappe.db.rollback()
	return counted["n"]


# --- the run ----------------------------------------------------------------------------------
def measure(plant: generator.Plant, key: str, repeat: int) -> dict:
	company = plant.company
	lead_department = plant.departments[0]  # a workshop: itself and its four teams
	lead = plant.leads[lead_department]
	out = {"points": frappe.db.count("Risk Point", {"company": company})}
	points = lambda data: len(data["points"])  # noqa: E731
	report_rows = lambda data: len(data["result"])  # noqa: E731
	with as_user(plant.manager):
		out["map_manager"] = summary(timed(lambda: map_data(company), repeat), points)
		out["register_page"] = summary(timed(lambda: register(company, page=True), repeat), report_rows)
		out["register_all"] = summary(
			timed(lambda: register(company, page=False), max(3, repeat // 2)), report_rows
		)
	out["register_by_hand"] = summary(timed(lambda: register_by_hand(company), repeat), size=False)
	with as_user("Administrator"):
		out["map_admin"] = summary(timed(lambda: map_data(company), repeat), points)
		# the same points as the lead's, by the department filter: Administrator's cost of them
		out["map_admin_same"] = summary(timed(lambda: map_data(company, lead_department), repeat), points)
		out["count_admin"] = summary(timed(lambda: lead_count(company, lead_department), repeat), int, False)
	with as_user(lead):
		out["map_lead"] = summary(timed(lambda: map_data(company), repeat), points)
		out["count_lead"] = summary(timed(lambda: lead_count(company), repeat), int, False)
		out["plans"] = {
			doctype: [
				{k: row.get(k) for k in ("table", "type", "key", "rows", "Extra")}
				for row in explain(doctype, company)
			]
			for doctype in ("Risk Point", "Risk Event", "Control Measure", "Risk Assessment")
		}
	out["approval_statements"] = approval_statements(plant, key)
	return out


def run(size: int = 5000, repeat: int = 9, seed: int = 2026, build: bool = True) -> dict:
	"""Build or reuse the 10 % and 100 % plants and measure both; print and return the table."""
	frappe.flags.in_benchmark = True
	plants = {"10%": ("S", max(1, size // 10)), "100%": ("", size)}
	results = {}
	for label, (key, points) in plants.items():
		if build:
			print(f"plant {label}: {generator.build(points, seed=seed, plant=key)}")
		plant = generator.masters(key)
		results[label] = measure(plant, key, repeat)
	print(report(results))
	return results


def ratio(a: float, b: float) -> str:
	return f"{a / b:.2f}×" if b else "—"


def report(results: dict) -> str:
	lines = [
		"| call | plant | p50 ms | p95 ms | rows | bytes | baseline | p50 ms | ratio |",
		"|---|---|---:|---:|---:|---:|---|---:|---:|",
	]
	pairs = [
		("map, Safety Manager", "map_manager", "map, Administrator", "map_admin"),
		(
			"register first page, Safety Manager",
			"register_page",
			"same rows by hand (SQL)",
			"register_by_hand",
		),
		("register all rows, Safety Manager", "register_all", "same rows by hand (SQL)", "register_by_hand"),
		(
			"map, Department Safety Lead",
			"map_lead",
			"map of the same points, Administrator",
			"map_admin_same",
		),
		(
			"list count, Department Safety Lead",
			"count_lead",
			"count of the same points, Administrator",
			"count_admin",
		),
	]
	for label, res in results.items():
		for name, key, base_name, base in pairs:
			row, baseline = res[key], res[base]
			own, ref = row["p50"], baseline["p50"]
			lines.append(
				f"| {name} | {label} ({res['points']}) | "
				f"{row['p50']:.1f} | {row['p95']:.1f} | {row['rows']} | {row.get('bytes', '')} | "
				f"{base_name} | {baseline['p50']:.1f} | {ratio(own, ref)} |"
			)
		lines.append(
			f"| approval of a 3-row assessment | {label} | | | | | SQL statements | "
			f"{res['approval_statements']} | |"
		)
	if "10%" in results and "100%" in results:
		small, big = results["10%"], results["100%"]
		lines.append("")
		lines.append(f"growth 10% → 100% ({small['points']} → {big['points']} points):")
		for key in ("map_manager", "register_page", "register_all", "map_lead", "count_lead"):
			lines.append(f"- {key}: {ratio(big[key]['p50'], small[key]['p50'])}")
	for label, res in results.items():
		lines.append("")
		lines.append(f"query plans, Department Safety Lead, plant {label}:")
		for doctype, plan in res["plans"].items():
			lines.append(f"- {doctype}: " + json.dumps(plan, default=str))
	return "\n".join(lines)
