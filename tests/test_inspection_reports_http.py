"""Every role meets the investigation reports over HTTP, on the demo plant with its
investigation demo: each role × report → only rows of the risk points of its scope (the
same table as tests/test_roles_http.py), the company-wide roles every point's rows, and
a plain employee only its own task list."""

from __future__ import annotations

import re

import frappe
import pytest
from ds_testkit import HttpSession
from frappe.utils import add_months, get_first_day, get_last_day, nowdate

from dual_system.setup.demo import DEMO_PASSWORD

ALL = {f"RP-0{i}" for i in range(1, 9)}
METHANOL = {"RP-01", "RP-03"}
ROLES = {
	"safety.officer@demo.example.com": ALL,
	"safety.manager@demo.example.com": ALL,
	"principal@demo.example.com": ALL,
	"production.lead@demo.example.com": ALL,
	"chief.engineer@demo.example.com": METHANOL,
	"tankfarm.shift@demo.example.com": METHANOL,
}
EMPLOYEE = "press.operator@demo.example.com"
REPORTS = ("Investigation Record", "Task Completion Rate", "Measures Without Plan", "My Inspection Tasks")


@pytest.fixture(scope="module")
def sessions(inspection_demo):
	cache = {}

	def session(login):
		if login not in cache:
			cache[login] = HttpSession(login, DEMO_PASSWORD)
		return cache[login]

	return session


def run(session, report, **filters):
	response = session.call("frappe.desk.query_report.run", report_name=report, filters=filters)
	assert response.status_code == 200, response.text[:600]
	return response.message["result"]


def last_month():
	start = get_first_day(add_months(nowdate(), -1))
	return {"from_date": str(start), "to_date": str(get_last_day(start))}


def scope(login) -> set[str]:
	"""The role's risk points, plus those of the tasks it is the assignee of (the chief
	engineer of the methanol workshop also does the daily check of reactor R-201)."""
	employee = frappe.db.get_value("Employee", {"user_id": login}, "name")
	own = frappe.get_all("Inspection Task", {"assignee": employee}, pluck="risk_point", distinct=True)
	return ROLES[login] | (set(own) & ALL)


def points(rows) -> set[str]:
	return {r["risk_point"] for r in rows if isinstance(r, dict) and r.get("risk_point")}


@pytest.mark.parametrize("login", ROLES)
def test_the_investigation_record_holds_exactly_the_rows_of_the_roles_points(sessions, login):
	rows = run(sessions(login), "Investigation Record", **last_month())
	# every demo point but the tank farm's hourly patrol has last month's tasks
	assert points(rows) & ALL == scope(login)
	expected = frappe.db.sql(
		"""select count(*) from `tabInspection Task Item` i join `tabInspection Task` t on t.name = i.parent
		where t.status in ('Done', 'Missed') and t.slot_start between %s and %s and i.risk_point in %s""",
		(last_month()["from_date"], last_month()["to_date"] + " 23:59:59", tuple(scope(login))),
	)[0][0]
	assert len(rows) == expected


@pytest.mark.parametrize("login", ROLES)
@pytest.mark.parametrize("group_by", ["Person", "Department", "Work Type"])
def test_the_completion_rate_counts_the_tasks_of_the_roles_scope(sessions, login, group_by):
	rows = [
		r
		for r in run(sessions(login), "Task Completion Rate", group_by=group_by, **last_month())
		if isinstance(r, dict)
	]
	scheduled = sum(r["scheduled"] for r in rows)
	expected = frappe.db.count(
		"Inspection Task",
		{
			"risk_point": ("in", sorted(scope(login))),
			"window_end": ("between", (last_month()["from_date"], last_month()["to_date"] + " 23:59:59")),
		},
	)
	assert scheduled == expected and scheduled > 0
	for r in rows:
		assert r["on_time"] + r["late"] + r["missed"] <= r["scheduled"]
		assert 0 <= r["rate"] <= 100


@pytest.mark.parametrize("login", ROLES)
def test_measures_without_plan_stay_within_the_roles_points(sessions, login):
	assert points(run(sessions(login), "Measures Without Plan")) <= scope(login)


def test_my_inspection_tasks_lists_only_the_users_own_tasks(sessions):
	for login in ("tankfarm.shift@demo.example.com", EMPLOYEE):
		rows = [r for r in run(sessions(login), "My Inspection Tasks", **last_month()) if isinstance(r, dict)]
		employee = frappe.db.get_value("Employee", {"user_id": login}, "name")
		names = {r["name"] for r in rows}
		assert names and all(frappe.db.get_value("Inspection Task", n, "assignee") == employee for n in names)


@pytest.mark.parametrize("report", ["Investigation Record", "Task Completion Rate", "Measures Without Plan"])
def test_a_plain_employee_may_not_open_the_investigation_registers(sessions, report):
	response = sessions(EMPLOYEE).call("frappe.desk.query_report.run", report_name=report, filters={})
	assert response.status_code == 403


def test_a_plain_employee_reads_its_own_tasks_and_no_one_elses(sessions):
	session = sessions(EMPLOYEE)
	employee = frappe.db.get_value("Employee", {"user_id": EMPLOYEE}, "name")
	response = session.get('/api/resource/Inspection Task?fields=["name","assignee"]&limit_page_length=0')
	assert response.status_code == 200
	rows = response.json()["data"]
	assert rows and {r["assignee"] for r in rows} == {employee}


# --- the phone page --------------------------------------------------------------------------
SHIFT = "tankfarm.shift@demo.example.com"


def test_the_notification_card_links_the_phone_page_of_its_risk_point(inspection_demo):
	from frappe.utils import get_url

	from dual_system.services.card import get_risk_card_context

	qr = get_risk_card_context("RP-01").inspect_qr
	assert qr.url == get_url("/inspect?risk_point=RP-01") and qr.data_uri.startswith("data:image/png")


def test_a_guest_is_sent_to_login_and_back(inspection_demo):
	response = HttpSession().get("/inspect?risk_point=RP-01")
	assert response.status_code in (301, 302)
	assert "/login?redirect-to=" in response.headers["Location"] and "RP-01" in response.headers["Location"]


def test_the_investigator_answers_its_task_from_the_phone_page(sessions):
	session = sessions(SHIFT)
	page = session.get("/inspect?risk_point=RP-01")
	assert page.status_code == 200 and frappe._("Tank farm hourly patrol") in page.text
	task = frappe.get_all(
		"Inspection Task",
		{"risk_point": "RP-01", "status": "Open", "assignee_user": SHIFT},
		["name"],
		order_by="slot_start asc",
		limit=1,
	)[0].name
	form = session.get(f"/inspect?task={task}")
	assert form.status_code == 200 and 'id="ds-inspect-form"' in form.text
	rows = frappe.get_all("Inspection Task Item", {"parent": task}, pluck="name")
	try:
		answers = [{"item": r, "result": "OK"} for r in rows]
		# as the page's script does: with the session's CSRF token the page carries
		csrf = re.search(r'const csrf = "([^"]+)"', form.text).group(1)
		response = session.post(
			"/api/method/dual_system.api.inspection.complete_task",
			data={"task": task, "answers": frappe.as_json(answers)},
			headers={"X-Frappe-CSRF-Token": csrf},
		)
		assert response.status_code == 200, response.text[:400]
		frappe.db.rollback()
		assert frappe.db.get_value("Inspection Task", task, "status") == "Done"
		# someone else's task is not offered
		other = sessions("chief.engineer@demo.example.com").get(f"/inspect?task={task}")
		assert 'id="ds-inspect-form"' not in other.text
	finally:
		frappe.db.sql(
			"update `tabInspection Task` set status='Open', completed_on=null, completed_by=null, on_time=0 where name=%s",
			task,
		)
		frappe.db.sql("update `tabInspection Task Item` set result=null where parent=%s", task)
		frappe.db.sql("update `tabToDo` set status='Open' where reference_name=%s", task)
		frappe.db.commit()


INVESTIGATION_CARD = {
	"Investigation Type",
	"Inspection Plan",
	"Inspection Task",
	"Investigation Record",
	"Task Completion Rate",
	"Measures Without Plan",
	"My Inspection Tasks",
}


@pytest.mark.parametrize("login", [*ROLES, EMPLOYEE])
def test_the_workspace_has_the_investigation_card(sessions, login):
	"""Every safety role finds the investigation masters, lists and reports on the Dual
	Prevention workspace; a plain employee its own task list (and the lists it may read)."""
	import json

	# a GET, as the desk does: an earlier test of this module gave some sessions a CSRF token
	response = sessions(login).get(
		"/api/method/frappe.desk.desktop.get_desktop_page",
		params={"page": json.dumps({"name": "Dual Prevention", "title": "Dual Prevention", "public": 1})},
	)
	assert response.status_code == 200, response.text[:600]
	cards = {c["label"]: {link["link_to"] for link in c["links"]} for c in response.message["cards"]["items"]}
	links = cards.get("Hidden-Danger Investigation", set())
	if login == EMPLOYEE:
		assert "My Inspection Tasks" in links and links <= INVESTIGATION_CARD
		assert not links & {"Investigation Record", "Task Completion Rate", "Measures Without Plan"}
	else:
		assert links == INVESTIGATION_CARD


def test_the_phone_page_escapes_what_people_typed(sessions):
	"""Checklist text comes from plans people edit: the page shows it as text."""
	task = frappe.get_all(
		"Inspection Task",
		{"risk_point": "RP-01", "status": "Open", "assignee_user": SHIFT},
		pluck="name",
		order_by="slot_start asc",
		limit=1,
	)[0]
	row = frappe.get_all("Inspection Task Item", {"parent": task}, ["name", "content"], limit=1)[0]
	script = '<img src=x onerror="alert(1)">'
	try:
		# written raw, as a forged or imported row would be (Frappe sanitises the form's saves)
		frappe.db.set_value("Inspection Task Item", row.name, "content", script, update_modified=False)
		frappe.db.commit()
		page = sessions(SHIFT).get(f"/inspect?task={task}")
		assert page.status_code == 200 and 'id="ds-inspect-form"' in page.text
		assert script not in page.text and "&lt;img src=x onerror=" in page.text
	finally:
		frappe.db.set_value("Inspection Task Item", row.name, "content", row.content, update_modified=False)
		frappe.db.commit()
