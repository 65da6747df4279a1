"""Every role meets the risk module over HTTP, on the demo plant.

One table: each demo role (and two test users of narrower departments) ×
each register, workspace chart, number card, the map and the risk point list →
exactly the risk points of that role's scope. The demo plant is the one
``./dev up`` loads (Location, Asset, responsible people, 包保 persons, measures
of every category); its users hold only their real roles and the User
Permissions ERPNext gives them when their Employee is linked.
"""

from __future__ import annotations

import json

import frappe
import pytest
from ds_testkit import PASSWORD, CommittedData, HttpSession, make_staff

from dual_system.core.levels import CONTROL_LEVELS, LEVELS
from dual_system.setup.demo import DEMO_PASSWORD

ALL = {f"RP-0{i}" for i in range(1, 9)}
METHANOL = {"RP-01", "RP-03"}
METALWORK = {"RP-04", "RP-05", "RP-08"}

# login → risk points it reads; None: the role may not open the registers
ROLES = {
	"safety.officer@demo.example.com": ALL,  # Safety Officer: the company
	"safety.manager@demo.example.com": ALL,  # Safety Manager: the company
	"principal@demo.example.com": ALL,  # Company Principal: the company
	"production.lead@demo.example.com": ALL,  # production subtree + the power department (Safety User Scope)
	"chief.engineer@demo.example.com": METHANOL,  # Inspector of the methanol workshop, 包保 of RP-01
	"tankfarm.shift@demo.example.com": METHANOL,  # Inspector of the methanol workshop
	"metal.lead": METALWORK,  # Department Safety Lead of the metalworking workshop (test user)
	"power.inspector": {"RP-06"},  # Inspector of the power department (test user)
}
EMPLOYEE = "press.operator@demo.example.com"  # Employee only: reads its department's points, no registers

REPORTS = ("Risk Register", "Risk Point Register")
CHARTS = {
	"Live Risks by Level": "dual_system.risk_control.dashboard_chart_source.risk_levels.risk_levels.get",
	"Risk Points by Control Level": (
		"dual_system.risk_control.dashboard_chart_source.control_levels.control_levels.get"
	),
}
LEVEL_CARDS = {
	"Major Risks": "Major",
	"Significant Risks": "Significant",
	"General Risks": "General",
	"Low Risks": "Low",
}


@pytest.fixture(scope="module")
def people(demo):
	"""Demo logins plus two committed test users of narrower departments."""
	data = CommittedData()
	departments = demo["departments"]
	users = {login: (login, DEMO_PASSWORD) for login in ROLES if "@" in login}
	users[EMPLOYEE] = (EMPLOYEE, DEMO_PASSWORD)
	for key, roles, department in (
		("metal.lead", ["Department Safety Lead"], departments["metalwork"]),
		("power.inspector", ["Inspector"], departments["power"]),
	):
		email, employee = make_staff(roles=roles, department=department, company=demo["company"], name=key)
		data.track("Employee", employee)
		data.track("User", email)
		users[key] = (email, PASSWORD)
	data.commit()
	yield users
	data.cleanup()


@pytest.fixture(scope="module")
def sessions(people):
	cache = {}

	def session(login):
		if login not in cache:
			cache[login] = HttpSession(*people[login])
		return cache[login]

	return session


def expected_events(points: set[str]) -> list[frappe._dict]:
	return frappe.get_all(
		"Risk Event", {"risk_point": ("in", sorted(points)), "status": "Active"}, ["risk_point", "risk_level"]
	)


def ok(response):
	assert response.status_code == 200, response.text[:600]
	return response.message


def report_points(session, report: str) -> set[str]:
	result = ok(session.call("frappe.desk.query_report.run", report_name=report, filters={}))["result"]
	return {row["risk_point"] for row in result if isinstance(row, dict) and row.get("risk_point") in ALL}


@pytest.mark.parametrize("login", ROLES)
@pytest.mark.parametrize("report", REPORTS)
def test_each_role_runs_each_register_and_sees_exactly_its_risk_points(sessions, login, report):
	assert report_points(sessions(login), report) == ROLES[login]


@pytest.mark.parametrize("login", ROLES)
def test_register_rows_show_names_of_locations_and_people(sessions, login):
	result = ok(sessions(login).call("frappe.desk.query_report.run", report_name="Risk Register", filters={}))
	rows = [r for r in result["result"] if isinstance(r, dict) and r.get("risk_point") in ALL]
	assert rows and all(r["location"] and r["responsible_employee_name"] for r in rows)
	assert not any(str(r["responsible_employee_name"]).startswith("HR-EMP-") for r in rows)
	rp01 = [r for r in rows if r["risk_point"] == "RP-01"]
	for row in rp01:
		assert row["main_responsible"] and row["technical_responsible"] and row["operating_responsible"]


@pytest.mark.parametrize("login", ROLES)
def test_workspace_shows_both_charts_and_every_number_card(sessions, login):
	page = ok(
		sessions(login).call(
			"frappe.desk.desktop.get_desktop_page",
			page=json.dumps({"name": "Dual Prevention", "title": "Dual Prevention", "public": 1}),
		)
	)
	assert {c["chart_name"] for c in page["charts"]["items"]} >= set(CHARTS)
	assert {c["number_card_name"] for c in page["number_cards"]["items"]} >= set(LEVEL_CARDS)


@pytest.mark.parametrize("login", ROLES)
def test_level_chart_counts_exactly_the_live_risks_of_the_roles_points(sessions, login, demo):
	data = ok(
		sessions(login).call(
			CHARTS["Live Risks by Level"],
			chart_name="Live Risks by Level",
			filters={"company": demo["company"]},
		)
	)
	counted = dict(zip(LEVELS, data["datasets"][0]["values"], strict=True))
	expected = {level: 0 for level in LEVELS}
	for event in expected_events(ROLES[login]):
		expected[event.risk_level] += 1
	assert counted == expected and sum(expected.values()) > 0


@pytest.mark.parametrize("login", ROLES)
def test_control_level_chart_counts_exactly_the_roles_points(sessions, login, demo):
	data = ok(
		sessions(login).call(
			CHARTS["Risk Points by Control Level"],
			chart_name="Risk Points by Control Level",
			filters={"company": demo["company"]},
		)
	)
	counted = dict(zip(CONTROL_LEVELS, data["datasets"][0]["values"], strict=True))
	levels = frappe.get_all(
		"Risk Point", {"name": ("in", sorted(ROLES[login]))}, pluck="current_control_level"
	)
	assert counted == {control: levels.count(control) for control in CONTROL_LEVELS}


@pytest.mark.parametrize("login", ROLES)
@pytest.mark.parametrize("card", LEVEL_CARDS)
def test_number_cards_count_exactly_the_roles_live_risks(sessions, login, card, demo):
	doc = frappe.get_doc("Number Card", card)
	level = LEVEL_CARDS[card]
	filters = [*json.loads(doc.filters_json), ["Risk Event", "company", "=", demo["company"]]]
	value = ok(
		sessions(login).call(
			"frappe.desk.doctype.number_card.number_card.get_result", doc=doc.as_json(), filters=filters
		)
	)
	assert value == sum(1 for e in expected_events(ROLES[login]) if e.risk_level == level)


@pytest.mark.parametrize("login", ROLES)
def test_map_shows_exactly_the_roles_points(sessions, login, demo):
	data = ok(sessions(login).call("dual_system.api.risk_map.get_map_data", company=demo["company"]))
	names = {row[data["point_fields"].index("name")] for row in data["points"]}
	assert names & ALL == ROLES[login]
	assert {name for group in data["locations"] for name in group["points"]} & ALL == ROLES[login]


@pytest.mark.parametrize("login", [*ROLES, EMPLOYEE])
def test_risk_point_list_shows_exactly_the_roles_points(sessions, login):
	response = sessions(login).get(
		"/api/resource/Risk Point",
		{"fields": ["name"], "filters": [["name", "in", sorted(ALL)]], "limit_page_length": 0},
	)
	expected = ROLES.get(login, METALWORK)
	assert response.status_code == 200, response.text[:600]
	assert {r["name"] for r in response.data} == expected


@pytest.mark.parametrize("report", REPORTS)
def test_a_plain_employee_may_not_open_the_registers(sessions, report):
	response = sessions(EMPLOYEE).call("frappe.desk.query_report.run", report_name=report, filters={})
	assert response.status_code == 403
	assert "Risk Point" not in json.dumps(response.json().get("message") or "")
