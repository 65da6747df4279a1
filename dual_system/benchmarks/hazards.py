"""Benchmark of the hidden-danger reports at group scale (not part of the test command).

Bulk-loads ``size`` hazard tickets (default 100,000) across the benchmark group's
40 departments (dual_system/benchmarks/generator.py masters, company "DS
Benchmark Group H") over two years, written straight to the table in batches —
the reports are measured, not the closed loop. Then, for a Safety Manager
(whole company) and a Department Safety Lead (a workshop and its four teams), it
times the Hidden-Danger Ledger (first page) and the Hidden-Danger KPIs with a
department subtree + one quarter filter, each over repeated warm runs, against
a baseline measured in the same run: the same rows or figures by hand-written
SQL on the same indexes. It prints p50 / p95, rows and the ratio.

Run: ``./dev benchmark-hazards [--size 100000]`` (README), which calls :func:`run`.
"""

from __future__ import annotations

import datetime
import random
import time

import frappe
from frappe.utils import add_days, now_datetime

from dual_system.benchmarks import generator
from dual_system.benchmarks.risk import as_user, ratio, summary, timed

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
	"""The ledger's first page by hand: the same joins and order, on the same indexes."""
	return frappe.db.sql(
		"""
		select t.name, t.date_found, t.source, t.hazard_type, t.item_class, f.employee_name, t.risk_point,
			p.risk_point_name, t.location, t.control_measure, m.description, t.description, t.basis,
			t.accident_type, t.grade, t.internal_level, t.handling, t.rectification_measures,
			t.contingency_measures, t.department, t.owning_department, o.employee_name, t.deadline, t.funds,
			t.completion_date, t.acceptor, u.full_name, t.acceptance_date, t.acceptance_comment, t.status,
			t.photo_before, t.photo_after, t.reported_to_authority, t.authority_report_date, t.remarks
		from `tabHazard Ticket` t
		left join `tabEmployee` f on f.name = t.finder
		left join `tabEmployee` o on o.name = t.rectification_owner
		left join `tabRisk Point` p on p.name = t.risk_point
		left join `tabControl Measure` m on m.name = t.control_measure
		left join `tabUser` u on u.name = t.acceptor
		where t.company = %(company)s and t.department in %(departments)s
			and t.date_found >= %(start)s and t.date_found < %(end)s
		order by t.date_found desc, t.name desc
		limit %(limit)s
		""",
		{
			"company": company,
			"departments": departments,
			"start": QUARTER["from_date"],
			"end": add_days(QUARTER["to_date"], 1),
			"limit": limit,
		},
	)


def kpis_by_hand(company: str, departments: tuple[str, ...]):
	"""The KPI figures of the quarter by hand, one aggregate query per period row."""
	return frappe.db.sql(
		"""
		select count(*) as found,
			sum(t.status = 'Closed' and t.closed_on <= %(as_of)s) as closed,
			sum(t.deadline <= %(as_of)s) as came_due,
			sum(t.status = 'Closed' and t.closed_on <= t.deadline and t.deadline <= %(as_of)s) as on_time,
			sum(t.grade = 'Major') as majors,
			sum(t.grade = 'Major' and t.status = 'Closed') as majors_closed,
			sum(t.status != 'Closed' and t.deadline < %(as_of)s) as overdue,
			avg(if(t.status = 'Closed', datediff(t.closed_on, t.date_found), null)) as days,
			sum(t.source not in ('Outside Inspection', 'External Expert Diagnosis')) as self_found,
			sum(t.source = 'Failed Control Measure') as failed,
			sum(t.source = 'Employee Report') as reports
		from `tabHazard Ticket` t
		where t.company = %(company)s and t.department in %(departments)s
			and t.date_found >= %(start)s and t.date_found < %(end)s
			and t.status not in ('Invalid', 'Duplicate')
		""",
		{
			"company": company,
			"departments": departments,
			"start": QUARTER["from_date"],
			"end": add_days(QUARTER["to_date"], 1),
			"as_of": QUARTER["as_of"],
		},
		as_dict=True,
	)


def measure(plant: generator.Plant, repeat: int) -> dict:
	company = plant.company
	workshop = plant.departments[0]  # a workshop and its four teams
	departments = subtree(workshop)
	filters = {"company": company, "department": workshop, **QUARTER}
	rows = lambda data: len(data["result"])  # noqa: E731
	out = {"tickets": frappe.db.count("Hazard Ticket", {"company": company})}
	for role, user in (("manager", plant.manager), ("lead", plant.leads[workshop])):
		with as_user(user):
			out[f"ledger_{role}"] = summary(timed(lambda: ledger(filters), repeat), rows)
			out[f"kpis_{role}"] = summary(timed(lambda: kpis(filters), repeat), rows)
	out["ledger_by_hand"] = summary(timed(lambda: ledger_by_hand(company, departments), repeat), size=False)
	out["kpis_by_hand"] = summary(timed(lambda: kpis_by_hand(company, departments), repeat), size=False)
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
		"",
		"| call | p50 ms | p95 ms | rows | baseline | p50 ms | ratio |",
		"|---|---:|---:|---:|---|---:|---:|",
	]
	for name, key, base_name, base in (
		("ledger first page, Safety Manager", "ledger_manager", "same rows by hand (SQL)", "ledger_by_hand"),
		(
			"ledger first page, Department Safety Lead",
			"ledger_lead",
			"same rows by hand (SQL)",
			"ledger_by_hand",
		),
		("KPIs by quarter, Safety Manager", "kpis_manager", "same figures by hand (SQL)", "kpis_by_hand"),
		(
			"KPIs by quarter, Department Safety Lead",
			"kpis_lead",
			"same figures by hand (SQL)",
			"kpis_by_hand",
		),
	):
		row, baseline = results[key], results[base]
		lines.append(
			f"| {name} | {row['p50']:.1f} | {row['p95']:.1f} | {row['rows']} | {base_name} | "
			f"{baseline['p50']:.1f} | {ratio(row['p50'], baseline['p50'])} |"
		)
	return "\n".join(lines)
