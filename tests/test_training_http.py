"""A session completed over HTTP by HR writes training records that HR and the
employee see from the Employee record — as real users with passwords, on
committed data this module creates and removes."""

from __future__ import annotations

import json

import frappe
import pytest
from ds_testkit import CommittedData, HttpSession, unique

RECORD = "Safety Training Record"
SESSION = "Safety Training Session"


@pytest.fixture(scope="module")
def completed(org):
	"""HR creates a session for employee A (present, 88) and employee B (present, 40)
	and completes it through the workflow, all over HTTP."""
	data = CommittedData()
	hr = HttpSession(org.user("hr"))
	topic = f"Dual-system training {unique('')}"
	response = hr.post(
		f"/api/resource/{SESSION}",
		data={
			"data": json.dumps(
				{
					"topic": topic,
					"training_type": "Dual Prevention Mechanism",
					"company": org.company,
					"start_time": "2026-09-15 09:00:00",
					"hours": 3,
					"venue": "First-floor conference room",
					"organiser_department": org.dept["safety"],
					"trainer_type": "External",
					"trainer_name": "Provincial expert",
					"attendees": [
						{"employee": org.employees["employee_a"], "attendance": "Present", "score": 88},
						{"employee": org.employees["employee_b"], "attendance": "Present", "score": 40},
					],
				}
			)
		},
	)
	assert response.status_code == 200, response.text[:500]
	name = response.data["name"]
	doc = hr.get(f"/api/resource/{SESSION}/{name}").data
	response = hr.call("frappe.model.workflow.apply_workflow", doc=json.dumps(doc), action="Complete")
	assert response.status_code == 200, response.text[:500]
	frappe.db.rollback()
	yield frappe._dict(name=name, topic=topic, response=response.message)
	frappe.set_user("Administrator")
	frappe.db.rollback()
	session = frappe.get_doc(SESSION, name)
	if session.docstatus == 1:
		session.cancel()
	frappe.delete_doc(SESSION, name, force=True, ignore_permissions=True)
	frappe.db.commit()
	data.cleanup()


@pytest.fixture(scope="module")
def sessions(org):
	cache = {}

	def session(key):
		if key not in cache:
			cache[key] = HttpSession(org.user(key))
		return cache[key]

	return session


def records(session, employee):
	response = session.get(
		f"/api/resource/{RECORD}",
		{
			"fields": ["name", "employee", "hours", "result", "score", "training_date"],
			"filters": [["employee", "=", employee]],
		},
	)
	assert response.status_code == 200, response.text[:500]
	return response.data


def open_count(session, employee) -> int:
	response = session.call("frappe.desk.notifications.get_open_count", doctype="Employee", name=employee)
	assert response.status_code == 200, response.text[:500]
	counts = response.message["count"]["external_links_found"]
	return next(c["count"] for c in counts if c["doctype"] == RECORD)


def test_completion_over_http_records_the_completer(completed):
	assert (completed.response["status"], completed.response["docstatus"]) == ("Completed", 1)


def test_hr_sees_the_training_from_the_employee_record(org, sessions, completed):
	hr = sessions("hr")
	employee = org.employees["employee_a"]
	assert (
		hr.get(
			"/api/method/frappe.desk.form.load.getdoc", {"doctype": "Employee", "name": employee}
		).status_code
		== 200
	)
	assert open_count(hr, employee) == 1
	[record] = records(hr, employee)
	assert (record["hours"], record["result"], record["score"], record["training_date"]) == (
		3,
		"Passed",
		88,
		"2026-09-15",
	)
	[failed] = records(hr, org.employees["employee_b"])
	assert failed["result"] == "Not Passed"


def test_the_employee_sees_its_own_training_from_its_employee_record(org, sessions, completed):
	me = sessions("employee_a")
	employee = org.employees["employee_a"]
	assert (
		me.get(
			"/api/method/frappe.desk.form.load.getdoc", {"doctype": "Employee", "name": employee}
		).status_code
		== 200
	)
	assert open_count(me, employee) == 1
	assert [r["employee"] for r in records(me, employee)] == [employee]
	response = me.get(f"/api/resource/{SESSION}/{completed.name}")
	assert response.status_code == 200 and response.data["topic"] == completed.topic


def test_the_employee_sees_nothing_of_a_colleagues_training(org, sessions, completed):
	me = sessions("employee_a")
	assert records(me, org.employees["employee_b"]) == []
	other = frappe.db.get_value(RECORD, {"session": completed.name, "employee": org.employees["employee_b"]})
	assert me.get(f"/api/resource/{RECORD}/{other}").status_code == 403


def test_the_employees_training_file_prints_its_own_trainings(org, sessions, completed):
	response = sessions("employee_a").call(
		"frappe.desk.query_report.run", report_name="Employee Training History", filters={}
	)
	assert response.status_code == 200, response.text[:500]
	rows = [
		r for r in response.message["result"] if isinstance(r, dict) and r.get("session") == completed.name
	]
	assert [(r["employee"], r["training_type"], r["trainer"]) for r in rows] == [
		(org.employees["employee_a"], "Dual Prevention Mechanism", "Provincial expert")
	]


def test_the_lead_of_workshop_a_sees_its_employees_training_only(org, sessions, completed):
	lead = sessions("lead_a")
	assert len(records(lead, org.employees["employee_a"])) == 1
	assert records(lead, org.employees["employee_b"]) == []


def test_records_cannot_be_edited_over_http(org, sessions, completed):
	name = frappe.db.get_value(RECORD, {"session": completed.name, "employee": org.employees["employee_a"]})
	response = sessions("hr").request("PUT", f"/api/resource/{RECORD}/{name}", data=json.dumps({"hours": 40}))
	assert response.status_code == 417, response.text[:300]
	assert frappe.db.get_value(RECORD, name, "hours") == 3


def test_attendee_rows_are_read_only_by_readers_of_their_session(org, sessions, completed):
	row = frappe.db.get_value(
		"Safety Training Attendee", {"parent": completed.name, "employee": org.employees["employee_b"]}
	)
	args = {"doctype": "Safety Training Attendee", "name": row, "parent": SESSION}
	assert sessions("inspector_a").call("frappe.client.get", **args).status_code == 403
	response = sessions("employee_b").call("frappe.client.get", **args)
	assert response.status_code == 200 and response.message["score"] == 40
