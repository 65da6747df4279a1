"""Every role meets the hidden-danger reports, cards and charts over HTTP.

One table: each demo role (and test users of narrower departments, and a
Rectification Owner) × each hidden-danger report → exactly the tickets of that
role's scope. The tickets lie on the demo plant with every Link filled
(company, departments, risk point, event, measure, location, asset, accident
type, people, cost centre, criterion), in a quarter of their own (2019 Q1) so
other tests' tickets do not count.
"""

from __future__ import annotations

import json

import frappe
import pytest
from ds_testkit import PASSWORD, CommittedData, HttpSession, make_staff
from ledger_kit import purge_tickets, ticket_on_point

from dual_system.setup.demo import DEMO_PASSWORD

WINDOW = {"from_date": "2019-01-01", "to_date": "2019-03-31", "as_of": "2019-03-31"}
POINTS = {"RP-01": "2019-01-10", "RP-04": "2019-02-10", "RP-06": "2019-03-10"}
ALL = set(POINTS)
COMPANY_WIDE = (
	"safety.officer@demo.example.com",
	"safety.manager@demo.example.com",
	"principal@demo.example.com",
)

# login → the risk points whose tickets it reads in the reports and the list
LEDGER = {
	**{login: ALL for login in COMPANY_WIDE},
	"production.lead@demo.example.com": ALL,  # production subtree + power (Safety User Scope)
	"metal.lead": {"RP-04"},  # Department Safety Lead of metalworking (test user)
	"chief.engineer@demo.example.com": {"RP-01"},  # Inspector of the methanol workshop
	"power.inspector": {"RP-06"},  # Inspector of the power department (test user)
	"rect.owner": {"RP-04"},  # Rectification Owner named on the RP-04 ticket only
}
READERS = LEDGER
EMPLOYEE = "press.operator@demo.example.com"
SUMMARY_REPORTS = ("Hidden-Danger KPIs", "Rectification Funds", "Hidden-Danger Statutory Return")
CARDS = ("Open Hidden Dangers", "Overdue Hidden Dangers", "Open Major Hidden Dangers")
CHARTS = {
	"Open Hidden Dangers by Grade": (
		"dual_system.hazard_governance.dashboard_chart_source.hazard_grades.hazard_grades.get"
	),
	"Open Hidden Dangers by Status": (
		"dual_system.hazard_governance.dashboard_chart_source.hazard_statuses.hazard_statuses.get"
	),
	"Hidden Dangers Found and Closed": (
		"dual_system.hazard_governance.dashboard_chart_source.hazard_trend.hazard_trend.get"
	),
}


@pytest.fixture(scope="module")
def people(demo):
	data = CommittedData()
	departments = demo["departments"]
	users = {login: (login, DEMO_PASSWORD) for login in READERS if "@" in login}
	users[EMPLOYEE] = (EMPLOYEE, DEMO_PASSWORD)
	employees = {}
	for key, roles, department in (
		("metal.lead", ["Department Safety Lead"], departments["metalwork"]),
		("power.inspector", ["Inspector"], departments["power"]),
		("rect.owner", ["Rectification Owner"], departments["logistics"]),
	):
		email, employee = make_staff(roles=roles, department=department, company=demo["company"], name=key)
		data.track("Employee", employee)
		data.track("User", email)
		users[key] = (email, PASSWORD)
		employees[key] = employee
	data.commit()
	yield users, employees
	data.cleanup()


@pytest.fixture(scope="module")
def tickets(demo, people):
	"""One open ticket per point, a major overdue one on RP-01; RP-04's owner is rect.owner."""
	_users, employees = people
	finder = demo["people"]["principal"]["employee"]
	made = {}
	for point, found in POINTS.items():
		owner = employees["rect.owner"] if point == "RP-04" else finder
		made[point] = ticket_on_point(
			point,
			employee=finder,
			rectification_owner=owner,
			rectification_owner_user=frappe.db.get_value("Employee", owner, "user_id"),
			date_found=f"{found} 08:00:00",
			deadline="2019-03-20",
			status="Rectifying",
			grade="Major" if point == "RP-01" else "General",
			acceptor="safety.manager@demo.example.com",
		)
	frappe.db.commit()
	yield made
	purge_tickets(made.values())


@pytest.fixture(scope="module")
def sessions(people):
	users, _employees = people
	cache = {}

	def session(login):
		if login not in cache:
			cache[login] = HttpSession(*users[login])
		return cache[login]

	return session


def ok(response):
	assert response.status_code == 200, response.text[:600]
	return response.message


def run(session, report, **filters):
	return session.call("frappe.desk.query_report.run", report_name=report, filters={**WINDOW, **filters})


def points_of(tickets, names) -> set[str]:
	by_name = {name: point for point, name in tickets.items()}
	return {by_name[n] for n in names if n in by_name}


@pytest.mark.parametrize("login", LEDGER)
def test_each_role_reads_exactly_its_tickets_in_the_ledger(sessions, tickets, login):
	result = ok(run(sessions(login), "Hidden-Danger Ledger"))["result"]
	names = [row["name"] for row in result if isinstance(row, dict)]
	assert points_of(tickets, names) == LEDGER[login]
	assert len(names) == len(LEDGER[login])  # and no other ticket of the quarter


@pytest.mark.parametrize("login", LEDGER)
def test_each_role_counts_exactly_its_tickets_in_the_kpis(sessions, tickets, login):
	result = ok(run(sessions(login), "Hidden-Danger KPIs"))["result"]
	total = next(row for row in result if isinstance(row, dict) and row.get("bold"))
	assert total["found"] == len(LEDGER[login])
	assert total["majors_open"] == (1 if "RP-01" in LEDGER[login] else 0)
	assert total["open_overdue"] == len(LEDGER[login])


@pytest.mark.parametrize("login", LEDGER)
def test_funds_and_the_return_add_up_the_roles_tickets(sessions, tickets, login):
	funds = ok(run(sessions(login), "Rectification Funds"))["result"]
	assert sum(row["funds"] for row in funds if isinstance(row, dict)) == 1000 * len(LEDGER[login])
	figures = ok(
		sessions(login).call(
			"frappe.desk.query_report.run",
			report_name="Hidden-Danger Statutory Return",
			filters={
				"company": frappe.db.get_value("Hazard Ticket", tickets["RP-01"], "company"),
				"year": 2019,
				"quarter": "1",
			},
		)
	)["result"]
	found = next(row["value"] for row in figures if isinstance(row, dict) and row.get("key") == "found")
	assert found == len(LEDGER[login])


@pytest.mark.parametrize("report", ["Hidden-Danger Ledger", *SUMMARY_REPORTS])
def test_a_plain_employee_may_not_open_the_hazard_reports(sessions, tickets, report):
	response = run(sessions(EMPLOYEE), report)
	assert response.status_code == 403


@pytest.mark.parametrize("login", READERS)
def test_each_role_lists_exactly_its_tickets(sessions, tickets, login):
	response = sessions(login).get(
		"/api/resource/Hazard Ticket",
		{"fields": ["name"], "filters": [["name", "in", sorted(tickets.values())]], "limit_page_length": 0},
	)
	assert response.status_code == 200, response.text[:300]
	assert points_of(tickets, [r["name"] for r in response.data]) == READERS[login]


def test_the_ledger_exports_to_excel(sessions, tickets):
	response = sessions("metal.lead").post(
		"/api/method/frappe.desk.query_report.export_query",
		data={
			"report_name": "Hidden-Danger Ledger",
			"file_format_type": "Excel",
			"filters": json.dumps(WINDOW),
			"visible_idx": json.dumps([0]),
		},
	)
	assert response.status_code == 200, response.text[:300]
	assert response.content[:2] == b"PK"


def rest_count(session, filters) -> int:
	response = session.get(
		"/api/resource/Hazard Ticket", {"fields": ["name"], "filters": filters, "limit_page_length": 0}
	)
	assert response.status_code == 200, response.text[:300]
	return len(response.data)


OPEN = ["status", "not in", ["Closed", "Invalid", "Duplicate"]]


@pytest.mark.parametrize("login", [*READERS, EMPLOYEE])
@pytest.mark.parametrize("card", CARDS)
def test_number_cards_count_what_the_role_may_list(sessions, tickets, demo, login, card):
	doc = frappe.get_doc("Number Card", card)
	filters = [*json.loads(doc.filters_json), ["Hazard Ticket", "company", "=", demo["company"]]]
	session = sessions(login)
	value = ok(
		session.call(
			"frappe.desk.doctype.number_card.number_card.get_result", doc=doc.as_json(), filters=filters
		)
	)
	assert value == rest_count(session, [f[1:4] for f in filters])
	if login in READERS and card == "Open Major Hidden Dangers":
		assert value >= (1 if "RP-01" in READERS[login] else 0)


@pytest.mark.parametrize("login", [*READERS, EMPLOYEE])
def test_workspace_shows_the_hazard_cards_and_charts(sessions, login):
	page = ok(
		sessions(login).call(
			"frappe.desk.desktop.get_desktop_page",
			page=json.dumps({"name": "Dual Prevention", "title": "Dual Prevention", "public": 1}),
		)
	)
	assert {c["chart_name"] for c in page["charts"]["items"]} >= set(CHARTS)
	assert {c["number_card_name"] for c in page["number_cards"]["items"]} >= set(CARDS)


@pytest.mark.parametrize("login", [*READERS, EMPLOYEE])
def test_grade_chart_counts_what_the_role_may_list(sessions, tickets, demo, login):
	session = sessions(login)
	data = ok(
		session.call(
			CHARTS["Open Hidden Dangers by Grade"],
			chart_name="Open Hidden Dangers by Grade",
			filters={"company": demo["company"]},
		)
	)
	general, major = data["datasets"][0]["values"]
	base = [["company", "=", demo["company"]], OPEN]
	assert general == rest_count(session, [*base, ["grade", "=", "General"]])
	assert major == rest_count(session, [*base, ["grade", "=", "Major"]])
	if login in READERS:
		assert major >= (1 if "RP-01" in READERS[login] else 0)


TREND = CHARTS["Hidden Dangers Found and Closed"]


@pytest.mark.parametrize("login", [*READERS, EMPLOYEE])
def test_the_trend_chart_counts_the_roles_tickets_by_month(sessions, tickets, demo, login):
	data = ok(
		sessions(login).call(
			TREND,
			chart_name="Hidden Dangers Found and Closed",
			filters={"company": demo["company"], "to_date": WINDOW["to_date"]},
		)
	)
	assert len(data["labels"]) == 12 and data["labels"][-3:] == ["2019-01", "2019-02", "2019-03"]
	found, closed = (dict(zip(data["labels"], d["values"], strict=True)) for d in data["datasets"])
	expected = {POINTS[point][:7]: 1 for point in READERS.get(login, ())}
	assert {month: n for month, n in found.items() if n} == expected
	assert not any(closed.values())  # all still under rectification
