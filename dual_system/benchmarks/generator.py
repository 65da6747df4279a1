"""A deterministic group plant for benchmarks: a company with a department tree,
employees with users, locations, assets, and risk points each assessed and
approved through the "Risk Assessment" workflow by real users.

Same seed and size, same plant. Resumable: points are numbered (``BP-00001`` …)
and a point already approved is skipped, so a run stopped midway continues where
it stopped, and a 100 % plant grows from the 10 % one. Masters (departments,
employees, users, locations, assets) go through their own doctypes; every risk
record goes through the app's code path — insert as the safety officer, submit
for review, review by the department's lead, approve by the manager or the
principal — so events, measures, roll-ups and permissions are exactly what users
would produce.

Run: ``bench --site <site> ds-benchmark --size 5000`` builds what is missing, or
``frappe.get_attr("dual_system.benchmarks.generator.build")(size=500)``.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_years, getdate, nowdate
from frappe.utils.nestedset import get_root_of

from dual_system.setup.demo import ensure_asset

COMPANY = ("DS Benchmark Group", "DSBG")  # the plant's company; a suffix makes a second plant
PASSWORD = "Bench-Pass-2026!"
WORKSHOPS = 8
TEAMS_PER_WORKSHOP = 4  # 8 workshops + 32 teams = 40 departments
ASSETS = 200
LEC = {"L": (10, 6, 3, 1, 0.5, 0.2, 0.1), "E": (10, 6, 3, 2, 1, 0.5), "C": (100, 40, 15, 7, 3, 1)}
TYPES = ("Facility / Equipment", "Area / Site", "Work Activity")
MEASURE_TEXTS = {
	"existing_engineering": ("Interlock {n}", "Emergency cut-off {n}", "Gas detection {n}"),
	"existing_management": ("Patrol every {h} h", "Permit to work"),
	"existing_training": ("Post training",),
	"existing_ppe": ("Anti-static clothing",),
	"existing_emergency": ("Drill of plan {n}",),
	"recommended_management": ("Review alarm settings",),
}


@dataclass
class Plant:
	company: str
	departments: list[str]
	leads: dict[str, str]  # department → its Department Safety Lead's user
	employees: dict[str, str]  # department → an employee
	officer: str
	manager: str
	principal: str
	locations: list[str]
	assets: list[str]
	points: list[str] = field(default_factory=list)


def point_name(i: int, plant: str = "") -> str:
	return f"BP{plant}-{i:05d}"


def build(size: int = 500, seed: int = 2026, plant: str = "", quiet: bool = False) -> dict:
	"""Build (or complete) plant ``plant`` ("" or e.g. "S") with ``size`` risk points;
	returns what it made and its rate."""
	frappe.set_user("Administrator")
	# Frappe refuses more than 60 new users an hour ("Throttled") unless the site
	# raises throttle_user_limit; a plant creates 43 (this process only)
	frappe.local.conf.throttle_user_limit = max(frappe.local.conf.get("throttle_user_limit") or 60, 1000)
	started = time.monotonic()
	plant_key = plant
	plant = masters(plant_key)
	made = 0
	for i in range(1, size + 1):
		name = point_name(i, plant_key)
		if frappe.db.get_value("Risk Point", name, "current_assessment"):
			plant.points.append(name)
			continue
		risk_point(plant, i, random.Random(f"{seed}-{plant_key}-{i}"), plant_key)
		plant.points.append(name)
		made += 1
		frappe.db.commit()
		if not quiet and made % 100 == 0:
			elapsed = time.monotonic() - started
			print(f"{made} risk points approved in {elapsed:.0f} s ({made / elapsed:.1f}/s)")
	elapsed = time.monotonic() - started
	frappe.set_user("Administrator")
	return {
		"company": plant.company,
		"points": len(plant.points),
		"made": made,
		"seconds": round(elapsed, 1),
		"points_per_second": round(made / elapsed, 2) if made and elapsed else None,
	}


def masters(plant: str = "") -> Plant:
	company, abbr = _company(plant)
	root = _department(company, abbr, "Benchmark Plant", get_root_of("Department"))
	departments = [root]
	for w in range(1, WORKSHOPS + 1):
		workshop = _department(company, abbr, f"Workshop {w:02d}", root)
		departments.append(workshop)
		for t in range(1, TEAMS_PER_WORKSHOP + 1):
			departments.append(_department(company, abbr, f"Team {w:02d}-{t}", workshop))
	departments = departments[1:]  # risk points sit in workshops and teams
	key = f"bench{plant.lower()}"
	officer = _person(company, root, f"{key}.officer", ["Safety Officer"])[0]
	manager = _person(company, root, f"{key}.manager", ["Safety Manager"])[0]
	principal = _person(company, root, f"{key}.principal", ["Company Principal"])[0]
	leads, employees = {}, {}
	for i, department in enumerate(departments, start=1):
		leads[department], employees[department] = _person(
			company, department, f"{key}.lead{i:02d}", ["Department Safety Lead"]
		)
	locations = [_location(f"Bench Area {plant}{i:02d}") for i in range(1, len(departments) + 1)]
	assets = [
		ensure_asset(company, f"Bench machine {plant}{i:03d}", locations[i % len(locations)])
		for i in range(1, ASSETS + 1)
	]
	frappe.db.commit()
	return Plant(company, departments, leads, employees, officer, manager, principal, locations, assets)


def risk_point(plant: Plant, i: int, rng: random.Random, key: str = "") -> str:
	name = point_name(i, key)
	d = (i - 1) % len(plant.departments)
	department = plant.departments[d]
	if not frappe.db.exists("Risk Point", name):
		frappe.set_user(plant.officer)
		frappe.get_doc(
			{
				"doctype": "Risk Point",
				"risk_point_code": name,
				"risk_point_name": f"Bench point {i}",
				"risk_point_type": TYPES[i % len(TYPES)],
				"company": plant.company,
				"department": department,
				"location": plant.locations[d],
				"asset": plant.assets[i % len(plant.assets)],
				"responsible_employee": plant.employees[department],
				"description": f"Generated point {i} of the benchmark plant",
				"map_x": rng.randint(5, 95),
				"map_y": rng.randint(5, 95),
			}
		).insert()
	frappe.db.delete("Risk Assessment", {"risk_point": name, "docstatus": 0})
	frappe.set_user(plant.officer)
	rows = [_row(rng, n) for n in range(1, rng.choice((2, 2, 3)) + 1)]
	doc = frappe.get_doc(
		{"doctype": "Risk Assessment", "risk_point": name, "evaluation_method": "LEC", "rows": rows}
	).insert()
	apply_workflow(doc, "Submit for Review")
	frappe.set_user(plant.leads[department])
	apply_workflow(frappe.get_doc("Risk Assessment", doc.name), "Review")
	doc = frappe.get_doc("Risk Assessment", doc.name)
	frappe.set_user(plant.principal if doc.has_major_risk else plant.manager)
	apply_workflow(doc, "Approve")
	frappe.set_user("Administrator")
	return name


def _row(rng: random.Random, n: int) -> dict:
	row = {
		"step_no": n,
		"step_or_item": f"Step {n}",
		"hazard": f"Hazard {n}: leak, fall or contact",
		"accident_type": f"GB6441-1986-{rng.randint(1, 20):02d}",
		"consequence": "Injury",
		"factor_1": str(rng.choice(LEC["L"][2:])),
		"factor_2": str(rng.choice(LEC["E"])),
		"factor_3": str(rng.choice(LEC["C"][1:])),
	}
	for field_name, texts in MEASURE_TEXTS.items():
		chosen = rng.sample(texts, k=min(len(texts), rng.choice((1, 2))))
		row[field_name] = "\n".join(t.format(n=rng.randint(1, 99), h=rng.choice((1, 2))) for t in chosen)
	return row


def _company(plant: str = "") -> tuple[str, str]:
	name, abbr = f"{COMPANY[0]} {plant}".strip(), f"{COMPANY[1]}{plant}"
	if not frappe.db.exists("Company", name):
		frappe.get_doc(
			{
				"doctype": "Company",
				"company_name": name,
				"abbr": abbr,
				"country": "China",
				"default_currency": "CNY",
				"create_chart_of_accounts_based_on": "Standard Template",
				"chart_of_accounts": "Standard",
			}
		).insert(ignore_permissions=True)
	return name, abbr


def _department(company: str, abbr: str, name: str, parent: str) -> str:
	full = f"{name} - {abbr}"
	if not frappe.db.exists("Department", full):
		frappe.get_doc(
			{
				"doctype": "Department",
				"department_name": name,
				"company": company,
				"parent_department": parent,
				"is_group": 1,
			}
		).insert(ignore_permissions=True)
	return full


def _person(company: str, department: str, key: str, roles: list[str]) -> tuple[str, str]:
	email = f"{key}@bench.example.com"
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": key,
				"send_welcome_email": 0,
				"new_password": PASSWORD,
				"roles": [{"role": r} for r in roles],
			}
		)
		user.flags.ignore_password_policy = True
		user.insert(ignore_permissions=True)
	employee = frappe.db.get_value("Employee", {"user_id": email}, "name")
	if not employee:
		if not frappe.db.exists("Gender", "Male"):
			frappe.get_doc({"doctype": "Gender", "gender": "Male"}).insert(ignore_permissions=True)
		doc = frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": key,
				"gender": "Male",
				"date_of_birth": "1988-01-01",
				"date_of_joining": add_years(getdate(nowdate()), -3),
				"company": company,
				"department": department,
				"user_id": email,
				"status": "Active",
			}
		)
		doc.insert(ignore_permissions=True)
		employee = doc.name
	return email, employee


def _location(name: str) -> str:
	if not frappe.db.exists("Location", name):
		frappe.get_doc({"doctype": "Location", "location_name": name}).insert(ignore_permissions=True)
	return name
