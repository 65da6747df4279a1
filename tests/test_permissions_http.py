"""Department scope over HTTP, as real users with passwords, on committed data.

A Department Safety Lead of workshop A sees A and its team A1 and nothing of
workshop B — through lists, forms, reports, link search (also with
ignore_user_permissions=1), print, PDF, export, counts and global search.
"""

import csv
import io
import json

import frappe
import pytest
from ds_testkit import (
	HttpSession,
	approve_through_workflow,
	lec_row,
	make_assessment,
	make_risk_point,
	purge_risk_points,
	unique,
)


@pytest.fixture(scope="module")
def plant(org):
	frappe.set_user(org.user("officer"))
	tag = unique("")
	points = {
		"A": make_risk_point(
			org.dept["a"],
			code=f"PA-{tag}",
			risk_point_name=f"Reactor A {tag}",
			responsible_employee=org.employees["lead_a"],
			location=org.location["a"],
			asset=org.asset["a"],
			is_major_hazard_installation=1,
			main_responsible_person=org.employees["principal"],
			technical_responsible_person=org.employees["lead_a"],
			operating_responsible_person=org.employees["officer"],
		),
		"A1": make_risk_point(
			org.dept["a1"],
			code=f"PA1-{tag}",
			risk_point_name=f"Pump A1 {tag}",
			responsible_employee=org.employees["lead_a"],
			location=org.location["a1"],
			asset=org.asset["a1"],
		),
		"B": make_risk_point(
			org.dept["b"],
			code=f"PB-{tag}",
			risk_point_name=f"Boiler B {tag}",
			responsible_employee=org.employees["inspector_a"],
			location=org.location["b"],
			asset=org.asset["b"],
		),
	}
	assessments = {}
	for key, point in points.items():
		frappe.set_user(org.user("officer"))
		assessments[key] = make_assessment(
			point, [lec_row(3, 6, 7, full=True, hazard=f"Hazard {key} {tag}")]
		).name
		frappe.db.commit()
		approve_through_workflow(assessments[key], org, reviewer="lead_b" if key == "B" else "lead_a")
	frappe.set_user("Administrator")
	frappe.db.commit()
	yield frappe._dict(points=points, assessments=assessments, tag=tag)
	purge_risk_points(list(points.values()))


@pytest.fixture(scope="module")
def sessions(org, plant):
	cache = {}

	def session(key):
		if key not in cache:
			cache[key] = HttpSession(org.user(key))
		return cache[key]

	return session


def names(response):
	assert response.status_code == 200, response.text[:500]
	return {row["name"] for row in response.data}


def list_points(session, plant):
	return names(
		session.get(
			"/api/resource/Risk Point",
			{"fields": ["name"], "filters": [["name", "like", f"%{plant.tag}"]], "limit_page_length": 0},
		)
	)


def test_lead_sees_own_department_and_its_children_only(sessions, plant):
	assert list_points(sessions("lead_a"), plant) == {plant.points["A"], plant.points["A1"]}
	assert list_points(sessions("lead_b"), plant) == {plant.points["B"]}


def test_company_wide_roles_see_every_department(sessions, plant):
	assert list_points(sessions("officer"), plant) == set(plant.points.values())
	assert list_points(sessions("manager"), plant) == set(plant.points.values())


def test_form_of_another_department_is_refused(sessions, plant):
	lead_a = sessions("lead_a")
	assert lead_a.get(f"/api/resource/Risk Point/{plant.points['A1']}").status_code == 200
	assert lead_a.get(f"/api/resource/Risk Point/{plant.points['B']}").status_code == 403
	response = lead_a.get(
		"/api/method/frappe.desk.form.load.getdoc", {"doctype": "Risk Point", "name": plant.points["B"]}
	)
	assert response.status_code == 403
	assert lead_a.get(f"/api/resource/Risk Assessment/{plant.assessments['B']}").status_code == 403


def test_events_and_measures_follow_the_scope(sessions, plant):
	lead_a = sessions("lead_a")
	events = lead_a.get(
		"/api/resource/Risk Event",
		{"fields": ["risk_point"], "filters": [["hazard", "like", f"%{plant.tag}"]], "limit_page_length": 0},
	)
	assert {r["risk_point"] for r in events.data} == {plant.points["A"], plant.points["A1"]}
	measures = lead_a.get(
		"/api/resource/Control Measure",
		{
			"fields": ["risk_point"],
			"filters": [["risk_point", "like", f"%{plant.tag}"]],
			"limit_page_length": 0,
		},
	)
	assert {r["risk_point"] for r in measures.data} == {plant.points["A"], plant.points["A1"]}


def test_count_is_scoped(sessions, plant):
	response = sessions("lead_a").call(
		"frappe.client.get_count", doctype="Risk Point", filters=[["name", "like", f"%{plant.tag}"]]
	)
	assert response.message == 2


def test_register_report_is_scoped(sessions, plant):
	def report_points(key, report):
		response = sessions(key).call("frappe.desk.query_report.run", report_name=report, filters={})
		assert response.status_code == 200, response.text[:500]
		result = response.message["result"]
		return {
			row["risk_point"] for row in result if isinstance(row, dict) and plant.tag in row["risk_point"]
		}

	assert report_points("lead_a", "Risk Register") == {plant.points["A"], plant.points["A1"]}
	assert report_points("lead_a", "Risk Point Register") == {plant.points["A"], plant.points["A1"]}
	assert report_points("officer", "Risk Register") == set(plant.points.values())


@pytest.mark.parametrize("ignore_user_permissions", [0, 1])
def test_link_search_is_scoped_even_when_ignoring_user_permissions(sessions, plant, ignore_user_permissions):
	response = sessions("lead_a").call(
		"frappe.desk.search.search_link",
		doctype="Risk Point",
		txt=plant.tag,
		ignore_user_permissions=ignore_user_permissions,
		page_length=20,
	)
	assert response.status_code == 200, response.text[:500]
	assert {r["value"] for r in response.message} == {plant.points["A"], plant.points["A1"]}


def test_print_and_pdf_of_another_department_are_refused(sessions, plant):
	lead_a = sessions("lead_a")
	own = lead_a.get("/printview", {"doctype": "Risk Point", "name": plant.points["A"], "format": "Standard"})
	assert own.status_code == 200 and plant.points["A"] in own.text
	other = lead_a.get(
		"/printview", {"doctype": "Risk Point", "name": plant.points["B"], "format": "Standard"}
	)
	assert plant.points["B"] not in other.text or other.status_code == 403
	assert "Boiler B" not in other.text
	pdf = lead_a.get(
		"/api/method/frappe.utils.print_format.download_pdf",
		{"doctype": "Risk Point", "name": plant.points["B"], "format": "Standard"},
	)
	assert pdf.status_code == 403


def test_export_is_scoped(sessions, plant):
	response = sessions("lead_a").post(
		"/api/method/frappe.desk.reportview.export_query",
		data={
			"doctype": "Risk Point",
			"file_format_type": "CSV",
			"fields": ["`tabRisk Point`.`name`", "`tabRisk Point`.`risk_point_name`"],
			"filters": [["Risk Point", "name", "like", f"%{plant.tag}"]],
			"title": "Risk Point",
		},
	)
	assert response.status_code == 200, response.text[:500]
	rows = list(csv.reader(io.StringIO(response.text)))
	exported = {cell for row in rows for cell in row}
	assert plant.points["A"] in exported and plant.points["A1"] in exported
	assert plant.points["B"] not in exported


def test_global_search_finds_risk_points_of_the_readers_scope_only(sessions, plant):
	from frappe.utils.global_search import sync_global_search

	sync_global_search()
	frappe.db.commit()

	def found(key):
		response = sessions(key).call("frappe.utils.global_search.search", text=plant.tag, limit=50)
		assert response.status_code == 200, response.text[:300]
		return {r["name"] for r in response.message if r["doctype"] == "Risk Point"}

	assert found("lead_b") == {plant.points["B"]}
	assert found("lead_a") == {plant.points["A"], plant.points["A1"]}
	assert found("officer") == set(plant.points.values())


def test_employee_sees_own_department_although_someone_else_is_responsible(sessions, plant):
	# employee_a works in team A1 and has ERPNext's automatic User Permission on its own
	# Employee record; A1's responsible person is lead_a's employee
	assert list_points(sessions("employee_a"), plant) == {plant.points["A1"]}


def test_the_person_named_on_a_record_sees_it(sessions, plant):
	# inspector_a (team A1) is the responsible person of B, in workshop B
	assert plant.points["B"] in list_points(sessions("inspector_a"), plant)
	assert sessions("inspector_a").get(f"/api/resource/Risk Point/{plant.points['B']}").status_code == 200


def test_hr_users_read_risk_points_only_as_employees_of_their_own_department(sessions, plant, org):
	# an HR User is also an employee (of the safety department): that role reads the points of
	# its own department — here the safety department's point — and nothing of A or B
	frappe.set_user(org.user("officer"))
	own = make_risk_point(
		org.dept["safety"], risk_point_name=f"Safety office {plant.tag}", code=f"PS-{plant.tag}"
	)
	frappe.set_user("Administrator")
	frappe.db.commit()
	try:
		assert list_points(sessions("hr"), plant) == {own}
		assert sessions("hr").get(f"/api/resource/Risk Point/{plant.points['A']}").status_code == 403
	finally:
		purge_risk_points([own])
