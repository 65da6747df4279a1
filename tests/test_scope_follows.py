"""Scope follows the record, whatever the route of change.

A risk point with an approved assessment, its events and measures is moved to
another department (through a form save over REST, through ``set_value``,
through Data Import): from then on the new department sees all of it and the
old one nothing. An employee named on a point is relinked to another user:
the new user sees the point, the old one no longer does. Checked over HTTP as
the real users.
"""

from __future__ import annotations

import json

import frappe
import pytest
from ds_testkit import (
	CommittedData,
	HttpSession,
	approve_through_workflow,
	lec_row,
	make_assessment,
	make_risk_point,
	make_staff,
	make_user,
	purge_risk_points,
	run_data_import,
)

RECORDS = ("Risk Point", "Risk Assessment", "Risk Event", "Control Measure")


@pytest.fixture
def point(org):
	"""A point of workshop A, approved, with events and measures of every category (committed)."""
	frappe.set_user(org.user("officer"))
	name = make_risk_point(
		org.dept["a"],
		responsible_employee=org.employees["officer"],
		location=org.location["a"],
		asset=org.asset["a"],
	)
	frappe.db.commit()
	assessment = make_assessment(name, [lec_row(3, 6, 7, full=True)]).name
	frappe.db.commit()
	approve_through_workflow(assessment, org)
	frappe.set_user("Administrator")
	frappe.db.commit()
	yield name
	purge_risk_points([name])


def visible(session, point: str, doctypes=RECORDS) -> dict[str, int]:
	"""How many records of each kind about the point the session can list."""
	out = {}
	for doctype in doctypes:
		field = "name" if doctype == "Risk Point" else "risk_point"
		response = session.get(
			f"/api/resource/{doctype}",
			{"fields": ["name"], "filters": [[field, "=", point]], "limit_page_length": 0},
		)
		assert response.status_code == 200, response.text[:300]
		out[doctype] = len(response.data)
	return out


def everything(point: str) -> dict[str, int]:
	frappe.db.rollback()
	return {
		doctype: frappe.db.count(doctype, {("name" if doctype == "Risk Point" else "risk_point"): point})
		for doctype in RECORDS
	}


def nothing(doctypes=RECORDS) -> dict[str, int]:
	return dict.fromkeys(doctypes, 0)


# lead_a reviewed the assessment: a recorded actor keeps reading what it signed, nothing else
SIGNED_ONLY = {**nothing(), "Risk Assessment": 1}


@pytest.fixture(scope="module")
def leads(org):
	return {"a": HttpSession(org.user("lead_a")), "b": HttpSession(org.user("lead_b"))}


def test_before_the_move_the_old_department_sees_everything_and_the_new_one_nothing(leads, point):
	full = everything(point)
	assert full["Control Measure"] >= 5 and full["Risk Event"] == 1
	assert visible(leads["a"], point) == full
	assert visible(leads["b"], point) == nothing()


def test_a_point_moved_through_its_form_takes_its_records_to_the_new_department(org, leads, point):
	officer = HttpSession(org.user("officer"))
	response = officer.request(
		"PUT", f"/api/resource/Risk Point/{point}", data=json.dumps({"department": org.dept["b"]})
	)
	assert response.status_code == 200, response.text[:300]
	assert visible(leads["b"], point) == everything(point)
	assert visible(leads["a"], point) == SIGNED_ONLY
	assessment = frappe.db.get_value("Risk Assessment", {"risk_point": point}, ["department", "docstatus"])
	assert assessment == (org.dept["b"], 1)  # the submitted assessment shows the new department too


def test_a_point_moved_through_set_value_does_the_same(org, leads, point):
	response = HttpSession(org.user("manager")).call(
		"frappe.client.set_value",
		doctype="Risk Point",
		name=point,
		fieldname="department",
		value=org.dept["b"],
	)
	assert response.status_code == 200, response.text[:300]
	assert visible(leads["b"], point) == everything(point)
	assert visible(leads["a"], point) == SIGNED_ONLY


def test_a_point_moved_through_data_import_does_the_same(org, leads, point):
	name, status, logs = run_data_import(
		"Risk Point", "Update Existing Records", f"ID,Department\n{point},{org.dept['b']}\n"
	)
	assert status == "Success", logs
	assert visible(leads["b"], point) == everything(point)
	assert visible(leads["a"], point) == SIGNED_ONLY
	frappe.delete_doc("Data Import", name, force=True, ignore_permissions=True)
	frappe.db.commit()


def test_relinking_an_employee_to_another_user_moves_what_it_is_named_on(org, point):
	data = CommittedData()
	old_user, employee = make_staff(department=org.dept["b"], name="Named Person")
	new_user = make_user(first_name="Successor")
	data.track("Employee", employee)
	data.track("User", old_user)
	data.track("User", new_user)
	frappe.db.set_value("Risk Point", point, "responsible_employee", employee)
	data.commit()
	# a plain employee reads points, events and measures (not assessments)
	readable = ("Risk Point", "Risk Event", "Control Measure")
	try:
		seen = visible(HttpSession(old_user), point, readable)
		assert seen["Risk Point"] == 1 and seen["Control Measure"] >= 5
		doc = frappe.get_doc("Employee", employee)
		doc.user_id = new_user
		doc.save(ignore_permissions=True)
		frappe.db.commit()
		assert visible(HttpSession(new_user), point, readable) == seen
		assert visible(HttpSession(old_user), point, readable) == nothing(readable)
	finally:
		data.cleanup()
