"""Benchmark of the hidden-danger reports at group scale (not part of the test command).

Bulk-loads ``size`` hazard tickets (default 100,000) across the benchmark group's
40 departments (dual_system/benchmarks/generator.py masters, company "DS
Benchmark Group H") over two years, written straight to the table in batches —
the reports are measured, not the closed loop. Then, for a Safety Manager
(whole company) and a Department Safety Lead (a workshop and its four teams), it
times the Hidden-Danger Ledger (first page) and the Hidden-Danger KPIs with a
department subtree + one quarter filter, each over repeated warm runs, against
a baseline measured in the same run, in turns with the call: the same rows (and
the count behind the page's "newest N of M" line) or the same figures (per
quarter and in total, repeats and headcount included) by hand-written SQL on the
same indexes, checked to give the same answer. It prints p50 / p95, rows and
the ratios.

Run: ``./dev benchmark-hazards [--size 100000]`` (README), which calls :func:`run`.
"""

from __future__ import annotations

import datetime
import random
import statistics
import time

import frappe
from frappe.utils import add_days, now_datetime

from dual_system.benchmarks import generator
from dual_system.benchmarks.risk import as_user, ratio
from dual_system.core.hazard_kpi import COUNTERS

PLANT = "H"
BATCH = 5000
QUARTER = {"from_date": "2026-01-01", "to_date": "2026-03-31", "as_of": "2026-06-30"}
START = datetime.date(2025, 1, 1)
DAYS = 730
SOURCES = (
	"Routine",
	"Routine",
	"Routine",
	"Comprehensive",
	"Specialist",
	"Seasonal",
	"Failed Control Measure",
	"Employee Report",
	"Outside Inspection",
	"External Expert Diagnosis",
)
TYPES = ("Safety", "Process", "Electrical", "Instrumentation", "Fire", "General Layout", "Equipment", "Other")
FIELDS = (
	"name",
	"creation",
	"modified",
	"owner",
	"modified_by",
	"docstatus",
	"company",
	"department",
	"owning_department",
	"status",
	"source",
	"date_found",
	"finder",
	"location",
	"asset",
	"description",
	"hazard_type",
	"item_class",
	"grade",
	"internal_level",
	"handling",
	"rectification_owner",
	"rectification_measures",
	"funds",
	"cost_center",
	"deadline",
	"completion_date",
	"closed_on",
	"acceptance_date",
	"reported_to_authority",
)


def ticket_name(i: int) -> str:
	return f"HTB{PLANT}-{i:07d}"


def load(size: int, seed: int = 2026) -> dict:
	"""Tickets 1…size of the benchmark plant (resumable: existing ones are kept)."""
	plant = generator.masters(PLANT)
	have = frappe.db.count("Hazard Ticket", {"name": ("like", f"HTB{PLANT}-%")})
	cost_center = frappe.get_cached_value("Company", plant.company, "cost_center")
	started = time.monotonic()
	now = now_datetime()
	made = 0
	for first in range(have + 1, size + 1, BATCH):
		rows = []
		for i in range(first, min(first + BATCH, size + 1)):
			rng = random.Random(seed * 1_000_003 + i)
			department = plant.departments[i % len(plant.departments)]
			found = START + datetime.timedelta(days=rng.randrange(DAYS))
			deadline = add_days(found, rng.choice((1, 3, 7, 15, 30)))
			major = rng.random() < 0.05
			closed = rng.random() < 0.8
			closed_on = add_days(found, rng.randrange(1, 40)) if closed else None
			status = (
				"Closed"
				if closed
				else rng.choice(("Registered", "Assigned", "Rectifying", "Awaiting Acceptance"))
			)
			rows.append(
				(
					ticket_name(i),
					now,
					now,
					"Administrator",
					"Administrator",
					0,
					plant.company,
					department,
					department,
					status,
					rng.choice(SOURCES),
					datetime.datetime.combine(found, datetime.time(9, rng.randrange(60))),
					plant.employees[department],
					plant.locations[i % len(plant.locations)],
					plant.assets[i % len(plant.assets)],
					f"Benchmark hidden danger {i}",
					rng.choice(TYPES),
					rng.choice(("Basic Management", "On-site")),
					"Major" if major else "General",
					"Company" if major else rng.choice(("Company", "Workshop", "Team")),
					"By Deadline",
					plant.employees[department],
					"Fix it",
					rng.choice((0, 500, 2000, 5000, 30000)),
					cost_center,
					deadline,
					closed_on,
					closed_on,
					closed_on,
					1 if major else 0,
				)
			)
		frappe.db.bulk_insert("Hazard Ticket", FIELDS, rows, ignore_duplicates=True)
		frappe.db.commit()
		made += len(rows)
	return {
		"tickets": frappe.db.count("Hazard Ticket", {"name": ("like", f"HTB{PLANT}-%")}),
		"made": made,
		"seconds": round(time.monotonic() - started, 1),
	}


# --- the calls ------------------------------------------------------------------------------
def ledger(filters: dict):
	from frappe.desk.query_report import run as run_report

	return run_report("Hidden-Danger Ledger", filters=filters)


def kpis(filters: dict):
	from frappe.desk.query_report import run as run_report

	return run_report("Hidden-Danger KPIs", filters=filters)


def subtree(department: str) -> tuple[str, ...]:
	from dual_system.services.registers import department_subtree

	return tuple(department_subtree(department))


def ledger_by_hand(company: str, departments: tuple[str, ...], limit: int = 500):
	"""The ledger's first page by hand: the same joins and order, on the same indexes,
	and (the page being full) the count behind its "showing the newest N of M" line."""
	values = {
		"company": company,
		"departments": departments,
		"start": QUARTER["from_date"],
		"end": add_days(QUARTER["to_date"], 1),
		"limit": limit,
	}
	where = """t.company = %(company)s and t.department in %(departments)s
		and t.date_found >= %(start)s and t.date_found < %(end)s"""
	rows = frappe.db.sql(
		f"""
		select t.name, t.date_found, t.source, t.hazard_type, t.item_class, t.is_anonymous,
			f.employee_name, t.risk_point, p.risk_point_name, t.location, t.control_measure,
			m.description, t.description, t.basis, t.accident_type, t.grade, t.internal_level,
			t.handling, t.rectification_measures, t.contingency_measures, t.department,
			t.owning_department, o.employee_name, t.deadline, t.funds, t.completion_date, t.acceptor,
			u.full_name, t.acceptance_date, t.acceptance_comment, t.status, t.photo_before,
			t.photo_after, t.reported_to_authority, t.authority_report_date, t.remarks, t.company
		from `tabHazard Ticket` t
		left join `tabEmployee` f on f.name = t.finder
		left join `tabEmployee` o on o.name = t.rectification_owner
		left join `tabRisk Point` p on p.name = t.risk_point
		left join `tabControl Measure` m on m.name = t.control_measure
		left join `tabUser` u on u.name = t.acceptor
		where {where}
		order by t.date_found desc, t.name desc
		limit %(limit)s
		""",
		values,
	)
	total = len(rows)
	if len(rows) == limit:
		total = frappe.db.sql(f"select count(*) from `tabHazard Ticket` t where {where}", values)[0][0]
	return rows, total


# the quarter's figures, per quarter (one here) and in total, as the report's Period grouping
KPI_BY_HAND = """
	select period,
		count(*) as found,
		sum(is_closed) as closed,
		sum(deadline <= %(as_of)s) as came_due,
		sum(deadline <= %(as_of)s and is_closed and closed_on <= deadline) as closed_on_time,
		sum(grade = 'Major') as majors_found,
		sum(grade = 'Major' and is_closed) as majors_closed,
		sum(grade = 'Major' and not is_closed) as majors_open,
		sum(not is_closed and deadline < %(as_of)s) as open_overdue,
		sum(repeat_in_period) as repeats,
		sum(repeat_overall) as repeats_overall,
		sum(source not in ('Outside Inspection', 'External Expert Diagnosis')) as self_found,
		sum(source = 'Failed Control Measure') as from_failed_measures,
		sum(source = 'Employee Report') as employee_reports,
		sum(if(is_closed, datediff(closed_on, date_found), 0)) as days_to_close
	from (
		select t.*,
			(t.control_measure != '' and measure_in_period > 1)
				or (t.risk_event != '' and event_in_period > 1) as repeat_in_period,
			(t.control_measure != '' and measure_overall > 1)
				or (t.risk_event != '' and event_overall > 1) as repeat_overall
		from (
			select t.*,
				row_number() over (partition by period, control_measure order by date_found, binary name)
					as measure_in_period,
				row_number() over (partition by period, risk_event order by date_found, binary name)
					as event_in_period,
				row_number() over (partition by control_measure order by date_found, binary name)
					as measure_overall,
				row_number() over (partition by risk_event order by date_found, binary name)
					as event_overall
			from (
				select name, date_found, deadline, closed_on, grade, source, control_measure, risk_event,
					concat(year(date_found), '-Q', quarter(date_found)) as period,
					status = 'Closed' and closed_on <= %(as_of)s as is_closed
				from `tabHazard Ticket`
				where company = %(company)s and department in %(departments)s
					and date_found >= %(start)s and date_found < %(end)s
					and status not in ('Invalid', 'Duplicate')
			) t
		) t
	) t
	group by period with rollup
"""


def kpis_by_hand(company: str, departments: tuple[str, ...]):
	"""The KPI figures of the quarter by hand: one aggregate query (per quarter and the
	rollup), repeats by window functions, and the headcount of the subtree."""
	rows = frappe.db.sql(
		KPI_BY_HAND,
		{
			"company": company,
			"departments": departments,
			"start": QUARTER["from_date"],
			"end": add_days(min(QUARTER["to_date"], QUARTER["as_of"]), 1),
			"as_of": QUARTER["as_of"],
		},
		as_dict=True,
	)
	headcount = frappe.db.sql(
		"""select count(*) from `tabEmployee`
		where company = %s and status = 'Active' and department in %s""",
		(company, departments),
	)[0][0]
	for row in rows:
		if row.period is None:  # the rollup: repeats over the whole window
			row.repeats = row.repeats_overall
		row.headcount = headcount if row.period is None else 0  # as the report: a period row has none
	return rows


def kpi_figures(rows) -> list[tuple]:
	"""The report's or the hand query's figures, comparable: (found, closed, …) per row."""
	fields = (*(c for c in COUNTERS if c != "days_to_close"), "headcount")
	return [tuple(int(row[f] or 0) for f in fields) for row in rows]


def check_same(plant: generator.Plant, filters: dict, departments: tuple[str, ...]) -> dict:
	"""Whether the reports give what the hand queries give (the baseline is the same work)."""
	with as_user(plant.manager):
		ledger_page = ledger(filters)
		kpi_report = kpis(filters)
	rows, total = ledger_by_hand(plant.company, departments)
	hand = kpis_by_hand(plant.company, departments)
	report_days = [r.get("average_days_to_close") for r in kpi_report["result"]]
	hand_days = [round(int(r.days_to_close) / int(r.closed), 2) if r.closed else None for r in hand]
	return {
		"ledger_same_rows": [r["name"] for r in ledger_page["result"]] == [r[0] for r in rows],
		"ledger_total": total,
		"kpis_same_figures": kpi_figures(kpi_report["result"]) == kpi_figures(hand)
		and report_days == hand_days,
	}


def _percentiles(samples: list[float]) -> dict:
	samples = sorted(samples)
	return {
		"p50": statistics.median(samples),
		"p95": samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))],
	}


def paired(call, baseline, user: str, repeat: int) -> tuple[dict, dict]:
	"""p50 / p95 in milliseconds of a report call (as ``user``) and of its baseline, run in
	turns (call, baseline, call, …) after one warm-up each, so that a busy moment of the
	machine falls on both; the per-request scope cache is cleared before every call."""
	with as_user(user):
		result = call()
	baseline()
	calls, baselines = [], []
	for _ in range(repeat):
		with as_user(user):
			started = time.perf_counter()
			result = call()
			calls.append((time.perf_counter() - started) * 1000)
		started = time.perf_counter()
		baseline()
		baselines.append((time.perf_counter() - started) * 1000)
	return {**_percentiles(calls), "rows": len(result["result"])}, _percentiles(baselines)


def measure(plant: generator.Plant, repeat: int) -> dict:
	company = plant.company
	workshop = plant.departments[0]  # a workshop and its four teams
	departments = subtree(workshop)
	filters = {"company": company, "department": workshop, **QUARTER}
	out = {"tickets": frappe.db.count("Hazard Ticket", {"company": company})}
	out["same"] = check_same(plant, filters, departments)
	for role, user in (("manager", plant.manager), ("lead", plant.leads[workshop])):
		out[f"ledger_{role}"], out[f"ledger_{role}_by_hand"] = paired(
			lambda: ledger(filters), lambda: ledger_by_hand(company, departments), user, repeat
		)
		out[f"kpis_{role}"], out[f"kpis_{role}_by_hand"] = paired(
			lambda: kpis(filters), lambda: kpis_by_hand(company, departments), user, repeat
		)
	return out


def run(size: int = 100_000, repeat: int = 9, seed: int = 2026, build: bool = True) -> dict:
	frappe.flags.in_benchmark = True
	if build:
		print(f"tickets: {load(size, seed)}")
	plant = generator.masters(PLANT)
	results = measure(plant, repeat)
	print(report(results))
	return results


def report(results: dict) -> str:
	lines = [
		f"hazard tickets in the benchmark company: {results['tickets']}; "
		f"filter: a workshop and its teams, {QUARTER['from_date']} – {QUARTER['to_date']}",
		f"same answers as the baselines: ledger rows {results['same']['ledger_same_rows']} "
		f"(of {results['same']['ledger_total']}), KPI figures {results['same']['kpis_same_figures']}",
		"",
		"| call | p50 ms | p95 ms | rows | baseline | p50 ms | p95 ms | ratio p50 | ratio p95 |",
		"|---|---:|---:|---:|---|---:|---:|---:|---:|",
	]
	for name, key, base_name in (
		("ledger first page, Safety Manager", "ledger_manager", "same page + count by hand (SQL)"),
		("ledger first page, Department Safety Lead", "ledger_lead", "same page + count by hand (SQL)"),
		("KPIs by quarter, Safety Manager", "kpis_manager", "same figures by hand (SQL)"),
		("KPIs by quarter, Department Safety Lead", "kpis_lead", "same figures by hand (SQL)"),
	):
		row, baseline = results[key], results[f"{key}_by_hand"]
		lines.append(
			f"| {name} | {row['p50']:.1f} | {row['p95']:.1f} | {row['rows']} | {base_name} | "
			f"{baseline['p50']:.1f} | {baseline['p95']:.1f} | {ratio(row['p50'], baseline['p50'])} | "
			f"{ratio(row['p95'], baseline['p95'])} |"
		)
	return "\n".join(lines)
