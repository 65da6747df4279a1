"""Every role meets the training module over HTTP, on the training demo.

One table: each demo login × the training reports, the Safety Training
workspace's charts and cards → exactly the employees, records and companies of
that role's scope. The demo is the one ``./dev up`` loads: a group company with
two branch companies, the 2018 session and a recent refresher completed through
the workflow by the HR manager, requirements, plans. Its users hold only their
real roles and the User Permissions ERPNext gives them (HR's are set as on a
real site: no restriction to its own Employee, a permission on the group).
"""

from __future__ import annotations

import json

import frappe
import pytest
from ds_testkit import HttpSession

from dual_system.setup.demo import DEMO_PASSWORD

PLANT = ("principal", "manager", "officer", "lead", "engineer", "shift", "operator")
GROUP_OFFICE = ("hr", "supervisor")
GROUP = (*PLANT, *GROUP_OFFICE)  # employees of the group company itself
EVERYONE = (*GROUP, "jinan_head", "zibo_head")  # with the two branch companies
PRODUCTION = ("lead", "engineer", "shift", "operator")  # production subtree + power

# login → demo people whose training the role reads; None: may not open the report
HISTORY = {
	"hr.manager@demo.example.com": EVERYONE,
	"safety.manager@demo.example.com": EVERYONE,
	"principal@demo.example.com": EVERYONE,
	"safety.officer@demo.example.com": EVERYONE,
	"production.lead@demo.example.com": PRODUCTION,
	"chief.engineer@demo.example.com": ("engineer",),
	"press.operator@demo.example.com": ("operator",),
}
# the compliance matrix of the group company
MATRIX = {
	"hr.manager@demo.example.com": GROUP,
	"safety.manager@demo.example.com": GROUP,
	"principal@demo.example.com": GROUP,
	"safety.officer@demo.example.com": GROUP,
	"production.lead@demo.example.com": PRODUCTION,
	"chief.engineer@demo.example.com": None,
	"press.operator@demo.example.com": None,
}
# companies whose construction plan the role reads in the group view
PROGRESS = {
	"hr.manager@demo.example.com": ("group", "jinan", "zibo"),
	"safety.manager@demo.example.com": ("group", "jinan", "zibo"),
	"principal@demo.example.com": ("group", "jinan", "zibo"),
	"safety.officer@demo.example.com": ("group", "jinan", "zibo"),
	"production.lead@demo.example.com": ("group", "jinan", "zibo"),
	"zibo.manager@demo.example.com": ("zibo",),
	"chief.engineer@demo.example.com": None,
	"press.operator@demo.example.com": None,
}
LOGINS = sorted(set(HISTORY) | set(MATRIX) | set(PROGRESS))
CHARTS = {
	"Training Hours by Type": "dual_system.safety_training.dashboard_chart_source.training_hours.training_hours.get",
	"Construction Progress by Company": (
		"dual_system.dual_system.dashboard_chart_source.construction_progress.construction_progress.get"
	),
}
PLAN_READERS = {login for login, companies in PROGRESS.items() if companies}


@pytest.fixture(scope="module")
def sessions(training_demo):
	cache = {}

	def session(login):
		if login not in cache:
			cache[login] = HttpSession(login, DEMO_PASSWORD)
		return cache[login]

	return session


def ok(response):
	assert response.status_code == 200, response.text[:600]
	return response.message


def employees_of(demo, keys) -> set[str]:
	return {demo["people"][k]["employee"] for k in keys}


def demo_employees(demo) -> dict[str, str]:
	return {p["employee"]: key for key, p in demo["people"].items()}


def run(session, report, **filters):
	return session.call("frappe.desk.query_report.run", report_name=report, filters=filters)


@pytest.mark.parametrize("login", sorted(HISTORY))
def test_each_role_reads_exactly_its_training_records(sessions, training_demo, login):
	rows = ok(run(sessions(login), "Employee Training History"))["result"]
	demo = demo_employees(training_demo)
	seen = {r["name"] for r in rows if isinstance(r, dict) and r.get("employee") in demo}
	expected = set(
		frappe.get_all(
			"Safety Training Record",
			{"employee": ("in", sorted(employees_of(training_demo, HISTORY[login])))},
			pluck="name",
		)
	)
	assert seen == expected and expected


@pytest.mark.parametrize("login", sorted(MATRIX))
def test_each_role_sees_exactly_its_rows_of_the_compliance_matrix(sessions, training_demo, login):
	response = run(sessions(login), "Safety Training Compliance", company=training_demo["companies"]["group"])
	if MATRIX[login] is None:
		assert response.status_code == 403
		return
	demo = demo_employees(training_demo)
	rows = ok(response)["result"]
	assert {demo[r["employee"]] for r in rows if r["employee"] in demo} == set(MATRIX[login])


def test_the_matrix_shows_the_demo_statuses(sessions, training_demo):
	"""The 2018 session is long expired; the refresher of two months ago is valid."""
	response = run(
		sessions("hr.manager@demo.example.com"),
		"Safety Training Compliance",
		company=training_demo["companies"]["group"],
	)
	message = ok(response)
	dual = next(c for c in message["columns"] if c.get("requirement") == training_demo["requirements"][0])
	by_key = {
		demo_employees(training_demo)[r["employee"]]: r
		for r in message["result"]
		if r["employee"] in demo_employees(training_demo)
	}
	assert by_key["principal"][f"{dual['fieldname']}_key"] == "Expired"  # only the 2018 session
	assert by_key["lead"][f"{dual['fieldname']}_key"] == "OK"  # the refresher
	assert by_key["hr"][f"{dual['fieldname']}_key"] == "Missing"


@pytest.mark.parametrize("login", sorted(PROGRESS))
def test_each_role_sees_exactly_its_companies_in_the_group_view(sessions, training_demo, login):
	companies = training_demo["companies"]
	response = run(sessions(login), "Group Construction Progress", company=companies["group"])
	if PROGRESS[login] is None:
		assert response.status_code == 403
		return
	rows = ok(response)["result"]
	assert {r["company"] for r in rows if r.get("plan")} == {companies[k] for k in PROGRESS[login]}


@pytest.mark.parametrize(
	"login,expected",
	[
		# 6 + 6 + 6 milestones; 4 + 4 + 2 completed; one Zibo milestone overdue
		("safety.manager@demo.example.com", (18, 10, 1, 55.6)),
		# a branch's principal sees its own branch only
		("zibo.manager@demo.example.com", (6, 2, 1, 33.3)),
	],
)
def test_the_group_row_adds_up_what_the_role_reads(sessions, training_demo, login, expected):
	group = training_demo["companies"]["group"]
	rows = ok(run(sessions(login), "Group Construction Progress", company=group))["result"]
	top = next(r for r in rows if r["company"] == group)
	assert (top["milestones"], top["completed"], top["overdue"], top["progress"]) == expected


@pytest.mark.parametrize("login", LOGINS)
def test_the_workspace_shows_the_charts_and_cards_each_role_may_see(sessions, login):
	page = ok(
		sessions(login).call(
			"frappe.desk.desktop.get_desktop_page",
			page=json.dumps({"name": "Safety Training", "title": "Safety Training", "public": 1}),
		)
	)
	charts = {c["chart_name"] for c in page["charts"]["items"]}
	expected = {"Training Hours by Type"} | (
		{"Construction Progress by Company"} if login in PLAN_READERS else set()
	)
	assert charts == expected
	assert len(page["number_cards"]["items"]) == 6


@pytest.mark.parametrize("login", sorted(HISTORY))
def test_the_hours_chart_counts_exactly_the_roles_records_of_this_year(sessions, training_demo, login):
	group = training_demo["companies"]["group"]
	data = ok(
		sessions(login).call(
			CHARTS["Training Hours by Type"], chart_name="Training Hours by Type", filters={"company": group}
		)
	)
	counted = dict(zip(data["labels"], data["datasets"][0]["values"], strict=True))
	year = frappe.utils.getdate().year
	expected = {}
	for r in frappe.get_all(
		"Safety Training Record",
		{
			"employee": ("in", sorted(employees_of(training_demo, HISTORY[login]))),
			"company": group,
			"training_date": ("between", [f"{year}-01-01", f"{year}-12-31"]),
		},
		["training_type", "hours"],
	):
		expected[r.training_type] = expected.get(r.training_type, 0) + r.hours
	assert counted == expected and expected


@pytest.mark.parametrize("login", sorted(PLAN_READERS))
def test_the_progress_chart_shows_the_companies_the_role_reads(sessions, training_demo, login):
	companies = training_demo["companies"]
	data = ok(
		sessions(login).call(
			CHARTS["Construction Progress by Company"],
			chart_name="Construction Progress by Company",
			filters={"company": companies["zibo"] if login.startswith("zibo") else companies["group"]},
		)
	)
	shown = dict(zip(data["labels"], data["datasets"][0]["values"], strict=True))
	assert {c for c in shown if c != companies["group"]} == {companies[k] for k in PROGRESS[login]} - {
		companies["group"]
	}


@pytest.mark.parametrize(
	"login,figure,expected",
	[
		# principal and safety managers: Zhao Gang's assessment (expiring, still valid), Wang Qiang's, Ma Jun none
		("hr.manager@demo.example.com", "Principals and Safety Managers Assessed", (2, 3)),
		# the tank farm shift lead holds the certificate
		("hr.manager@demo.example.com", "Special Operations Workers Certified", (1, 1)),
	],
)
def test_the_four_hundred_percent_cards(sessions, training_demo, login, figure, expected):
	value = ok(
		sessions(login).call(
			"dual_system.api.training.four_hundred_percent",
			filters={"company": training_demo["companies"]["group"], "figure": figure},
		)
	)
	compliant, subjects = expected
	assert value["value"] == round(100.0 * compliant / subjects, 1)
