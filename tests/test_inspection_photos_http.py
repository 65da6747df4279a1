"""Photos taken on /inspect, over HTTP as real users: the investigator uploads a private
file, completing the task attaches it to the task (and to the hidden danger the defect
raises); whoever may read the task (or the ticket) sees the photo, an out-of-scope user
gets 403, and a file the investigator did not upload (or a public one) is refused.

HTTP tests on committed data (the session's ``org`` plus a risk point of team A1, its
approved assessment, a plan and today's task of the team's inspector), removed at the end."""

from __future__ import annotations

import io

import frappe
import pytest
from ds_testkit import (
	PASSWORD,
	HttpSession,
	approve_through_workflow,
	lec_row,
	make_assessment,
	make_risk_point,
	purge_risk_points,
)
from frappe.utils import now_datetime, nowdate

from dual_system.services import inspection


def png(colour=(200, 30, 30)) -> bytes:
	from PIL import Image

	out = io.BytesIO()
	Image.new("RGB", (4, 4), colour).save(out, format="PNG")
	return out.getvalue()


@pytest.fixture(scope="module")
def plant(org):
	frappe.set_user(org.user("officer"))
	point = make_risk_point(org.dept["a1"])
	assessment = make_assessment(point, [lec_row(3, 6, 7, full=True)])
	frappe.set_user("Administrator")
	approve_through_workflow(assessment.name, org)
	plan = frappe.get_doc(
		{
			"doctype": "Inspection Plan",
			"plan_title": "Photo patrol",
			"investigation_type": frappe.db.get_value("Investigation Type", {"hazard_source_code": 1}),
			"company": org.company,
			"department": org.dept["a1"],
			"risk_point": point,
			"cycle_interval": 1,
			"cycle_unit": "Day",
			"start_date": nowdate(),
			"assignee": org.employees["inspector_a"],
		}
	).insert()
	inspection.generate_tasks(now_datetime(), plans=[plan.name], horizon=1, commit=False)
	task = frappe.get_all("Inspection Task", {"plan": plan.name}, pluck="name", order_by="slot_start")[0]
	frappe.db.commit()
	yield frappe._dict(point=point, plan=plan.name, task=task)
	frappe.set_user("Administrator")
	frappe.db.rollback()
	tasks = frappe.get_all("Inspection Task", {"plan": plan.name}, pluck="name")
	tickets = frappe.get_all("Hazard Ticket", {"inspection_task": ("in", tasks or [""])}, pluck="name")
	for file in frappe.get_all(
		"File",
		or_filters=[
			["attached_to_name", "in", [*tasks, *tickets] or [""]],
			["owner", "in", [org.user("inspector_a"), org.user("officer")]],
		],
		filters={"is_folder": 0},
		pluck="name",
	):
		frappe.delete_doc("File", file, force=True, ignore_permissions=True)
	for name in tickets:
		for doctype, field in (
			("Comment", "reference_name"),
			("Version", "docname"),
			("Workflow Action", "reference_name"),
			("Notification Log", "document_name"),
			("ToDo", "reference_name"),
		):
			frappe.db.delete(doctype, {field: name})
		frappe.db.delete("Hazard Ticket Extension", {"parent": name})
		frappe.db.delete("Hazard Ticket", {"name": name})
	for name in tasks:
		frappe.db.delete("Comment", {"reference_name": name})
		frappe.db.delete("ToDo", {"reference_name": name})
		frappe.db.delete("Inspection Task Item", {"parent": name})
		frappe.db.delete("Inspection Task", {"name": name})
	frappe.db.delete("Inspection Plan Item", {"parent": plan.name})
	frappe.db.delete("Inspection Plan", {"name": plan.name})
	frappe.db.commit()
	purge_risk_points([point])


@pytest.fixture(scope="module")
def sessions(org, plant):
	cache = {}

	def session(key):
		if key not in cache:
			cache[key] = HttpSession(org.user(key), PASSWORD)
		return cache[key]

	return session


def upload(session, content: bytes, name: str, private: int = 1) -> str:
	response = session.post(
		"/api/method/upload_file", data={"file": (io.BytesIO(content), name), "is_private": str(private)}
	)
	assert response.status_code == 200, response.text[:600]
	return response.message["file_url"]


def rows(task: str):
	return frappe.get_all("Inspection Task Item", {"parent": task}, ["name", "idx"], order_by="idx")


def complete(session, task: str, photo: str | None):
	answers = [
		{"item": row.name, "result": "Defect", "note": "Cracked sight glass", "photo": photo}
		if row.idx == 1
		else {"item": row.name, "result": "OK"}
		for row in rows(task)
	]
	return session.call("dual_system.api.inspection.complete_task", task=task, answers=answers)


def test_a_photo_the_investigator_did_not_upload_privately_is_refused(sessions, plant):
	someone_elses = upload(sessions("officer"), png((1, 2, 3)), "officer.png")
	public = upload(sessions("inspector_a"), png((4, 5, 6)), "public.png", private=0)
	for photo in (someone_elses, public, "/private/files/never-uploaded.png"):
		response = complete(sessions("inspector_a"), plant.task, photo)
		assert response.status_code == 417, response.text[:400]
		assert "photo" in response.text
	frappe.db.rollback()
	assert frappe.db.get_value("Inspection Task", plant.task, "status") == "Open"
	assert not frappe.db.exists("Hazard Ticket", {"inspection_task": plant.task})
	assert not frappe.db.exists("File", {"attached_to_name": plant.task})


def test_completing_attaches_the_photo_privately_to_the_task_and_the_ticket(sessions, plant):
	photo = upload(sessions("inspector_a"), png(), "sight-glass.png")
	assert photo.startswith("/private/files/")
	response = complete(sessions("inspector_a"), plant.task, photo)
	assert response.status_code == 200, response.text[:600]
	frappe.db.rollback()
	row = frappe.get_all(
		"Inspection Task Item", {"parent": plant.task, "idx": 1}, ["photo", "hazard_ticket"]
	)[0]
	assert row.photo == photo and row.hazard_ticket
	on_task = frappe.get_all(
		"File",
		{"file_url": photo, "attached_to_doctype": "Inspection Task", "attached_to_name": plant.task},
		["attached_to_field", "is_private"],
	)
	assert [(f.attached_to_field, f.is_private) for f in on_task] == [("photo", 1)]
	assert frappe.db.get_value("Hazard Ticket", row.hazard_ticket, "photo_before") == photo
	on_ticket = frappe.get_all(
		"File",
		{"file_url": photo, "attached_to_doctype": "Hazard Ticket", "attached_to_name": row.hazard_ticket},
		["attached_to_field", "is_private"],
	)
	assert [(f.attached_to_field, f.is_private) for f in on_ticket] == [("photo_before", 1)]


def photo_files(plant):
	frappe.db.rollback()
	row = frappe.get_all(
		"Inspection Task Item", {"parent": plant.task, "idx": 1}, ["photo", "hazard_ticket"]
	)[0]
	assert row.photo, "the completion test must run first"
	task_file = frappe.db.get_value("File", {"file_url": row.photo, "attached_to_name": plant.task})
	ticket_file = frappe.db.get_value("File", {"file_url": row.photo, "attached_to_name": row.hazard_ticket})
	return row.photo, task_file, ticket_file


# who may read the task (its department's safety lead, the company-wide safety roles, the
# assignee) sees the photo; another department's lead and a plain employee of it do not
READERS = {
	"officer": 200,
	"manager": 200,
	"lead_a": 200,
	"inspector_a": 200,
	"lead_b": 403,
	"employee_b": 403,
}


@pytest.mark.parametrize("login, status", READERS.items())
def test_the_task_photo_is_seen_by_exactly_the_tasks_readers(sessions, plant, login, status):
	url, task_file, _ticket_file = photo_files(plant)
	response = sessions(login).get(url, params={"fid": task_file})
	assert response.status_code == status, response.text[:300]
	if status == 200:
		assert response.content == png()
	# without naming the record either: any attachment the user may read serves it
	assert sessions(login).get(url).status_code == status


@pytest.mark.parametrize("login, status", READERS.items())
def test_the_tickets_photo_is_seen_by_exactly_the_tickets_readers(sessions, plant, login, status):
	url, _task_file, ticket_file = photo_files(plant)
	response = sessions(login).get(url, params={"fid": ticket_file})
	assert response.status_code == status, response.text[:300]
	if status == 200:
		assert response.content == png()
