"""Hazard tickets over HTTP as real users with passwords: a general and a major hidden
danger through the whole loop, refusals through REST and set_value, and who reads what
(another department's lead, another employee, an anonymous reporter).

HTTP tests on committed data (the session's ``org`` plus a risk point, its approved
assessment and a rectification owner created here), removed at the end."""

import json

import frappe
import pytest
from ds_testkit import (
	PASSWORD,
	CommittedData,
	HttpSession,
	approve_through_workflow,
	lec_row,
	make_assessment,
	make_risk_point,
	make_staff,
	purge_risk_points,
)
from frappe.utils import add_days, nowdate

TICKET = "Hazard Ticket"
PHOTO = "/files/hazard-after.jpg"


@pytest.fixture(scope="module")
def plant(org):
	data = CommittedData()
	frappe.set_user(org.user("officer"))
	point = make_risk_point(org.dept["a1"])
	assessment = make_assessment(point, [lec_row(3, 6, 7, full=True)])
	frappe.set_user("Administrator")
	approve_through_workflow(assessment.name, org)
	owner_user, owner_employee = make_staff(
		["Rectification Owner"], org.dept["a1"], org.company, name="HTTP Owner"
	)
	data.track("Employee", owner_employee)
	data.track("User", owner_user)
	event = frappe.get_all("Risk Event", {"risk_point": point}, pluck="name")[0]
	criterion = frappe.get_all("Major Hidden Danger Criterion", pluck="name", order_by="item_no", limit=1)[0]
	frappe.db.commit()
	yield frappe._dict(
		point=point, event=event, owner=owner_user, owner_employee=owner_employee, criterion=criterion
	)
	frappe.set_user("Administrator")
	frappe.db.rollback()
	tickets = frappe.get_all(TICKET, {"company": org.company}, pluck="name")
	for name in tickets:
		frappe.db.delete("Hazard Governance Plan", {"hazard_ticket": name})
		for doctype, field in (
			("Comment", "reference_name"),
			("Version", "docname"),
			("Workflow Action", "reference_name"),
			("Notification Log", "document_name"),
		):
			frappe.db.delete(doctype, {field: name})
		frappe.db.delete("Hazard Ticket Extension", {"parent": name})
		frappe.db.delete(TICKET, {"name": name})
	frappe.db.commit()
	purge_risk_points([point])
	data.cleanup()


@pytest.fixture(scope="module")
def sessions(org, plant):
	cache = {}

	def session(key):
		if key not in cache:
			user = plant.owner if key == "owner" else org.user(key)
			cache[key] = HttpSession(user, PASSWORD)
		return cache[key]

	return session


def create(session, **values):
	response = session.post(
		f"/api/resource/{TICKET}",
		data={"data": json.dumps({"description": "Gas detector GT-102-3 in fault", **values})},
	)
	assert response.status_code == 200, response.text[:500]
	return response.data["name"]


def act(session, name, action, expect=200):
	doc = session.get(f"/api/resource/{TICKET}/{name}").data
	response = session.call("frappe.model.workflow.apply_workflow", doc=json.dumps(doc), action=action)
	assert response.status_code == expect, response.text[:800]
	return response


def put(session, name, expect=200, **values):
	response = session.request(
		"PUT", f"/api/resource/{TICKET}/{name}", data=json.dumps(values), content_type="application/json"
	)
	assert response.status_code == expect, response.text[:800]
	return response


def read(name) -> frappe._dict:
	frappe.db.rollback()
	return frappe.get_doc(TICKET, name)


def test_a_general_ticket_through_the_whole_loop(org, plant, sessions):
	name = create(sessions("employee_a"), risk_point=plant.point, photo_before="/files/before.jpg")
	act(sessions("lead_a"), name, "Register")
	put(
		sessions("lead_a"),
		name,
		grade="General",
		internal_level="Workshop",
		handling="By Deadline",
		rectification_owner=plant.owner_employee,
		rectification_measures="Replace the detector head",
		funds=800,
		contingency_measures="Portable checks every 2 h",
	)
	act(sessions("lead_a"), name, "Assign")
	act(sessions("owner"), name, "Start Rectification")
	put(sessions("owner"), name, photo_after=PHOTO)
	act(sessions("owner"), name, "Submit for Acceptance")
	act(sessions("lead_a"), name, "Accept", expect=417)  # workshop level: the safety officer accepts
	act(sessions("officer"), name, "Accept")
	doc = read(name)
	assert (doc.status, doc.accepted, doc.rectified_by, doc.acceptor) == (
		"Closed",
		1,
		plant.owner,
		org.user("officer"),
	)
	assert doc.finder_user == org.user("employee_a")


def test_a_major_ticket_through_the_whole_loop(org, plant, sessions):
	name = create(
		sessions("inspector_a"), risk_point=plant.point, description="No airlock on the dust collector"
	)
	act(sessions("officer"), name, "Register")
	put(
		sessions("manager"),
		name,
		major_criterion=plant.criterion,
		handling="By Deadline",
		rectification_owner=plant.owner_employee,
		rectification_measures="Airlock and isolation valves",
		funds=80000,
		deadline=add_days(nowdate(), 30),
		contingency_measures="Partial shutdown",
		work_stopped=1,
	)
	assert read(name).grade == "Major"
	act(sessions("officer"), name, "Assign", expect=417)  # majors: the safety manager
	act(sessions("manager"), name, "Assign")
	act(sessions("owner"), name, "Start Rectification", expect=417)  # no approved plan
	plan = sessions("officer").post(
		"/api/resource/Hazard Governance Plan",
		data={
			"data": json.dumps(
				{
					"hazard_ticket": name,
					"objectives_and_tasks": "Remove dust-explosion ignition path",
					"methods_and_measures": "Airlock discharge, isolation valves",
					"funds_and_materials": "80k",
					"funds": 80000,
					"responsible_body_and_people": "Metalworking workshop",
					"time_limits_and_requirements": "30 days",
					"safety_and_emergency_measures": "Partial shutdown; daily cleaning",
				}
			)
		},
	)
	assert plan.status_code == 200, plan.text[:500]
	plan_doc = plan.data
	refused = sessions("manager").call("frappe.client.submit", doc=json.dumps(plan_doc))
	assert refused.status_code != 200
	approved = sessions("principal").call(
		"frappe.client.submit",
		doc=json.dumps(
			sessions("principal").get(f"/api/resource/Hazard Governance Plan/{plan_doc['name']}").data
		),
	)
	assert approved.status_code == 200, approved.text[:500]
	act(sessions("owner"), name, "Start Rectification")
	put(sessions("owner"), name, photo_after=PHOTO)
	act(sessions("owner"), name, "Submit for Acceptance")
	act(sessions("manager"), name, "Accept", expect=417)  # no authority report, congress, evaluation
	put(
		sessions("manager"),
		name,
		reported_to_authority=1,
		authority="County emergency management bureau",
		authority_report_date=nowdate(),
		reported_to_workers_congress=1,
		workers_congress_date=nowdate(),
		evaluation_by_experts=1,
		evaluation_report="/files/evaluation.pdf",
		evaluation_date=nowdate(),
	)
	act(sessions("manager"), name, "Accept")
	doc = read(name)
	assert doc.status == "Closed" and doc.governance_plan == plan_doc["name"]


def test_rest_and_set_value_cannot_skip_the_rules(org, plant, sessions):
	name = create(sessions("employee_a"), risk_point=plant.point)
	lead = sessions("lead_a")
	put(lead, name, expect=417, status="Closed")
	put(lead, name, expect=417, acceptor=org.user("lead_a"))
	put(lead, name, expect=417, funds=-5)
	put(lead, name, expect=417, deadline=add_days(nowdate(), -3))
	response = lead.call(
		"frappe.client.set_value", doctype=TICKET, name=name, fieldname="status", value="Closed"
	)
	assert response.status_code == 417
	response = lead.call(
		"frappe.client.set_value", doctype=TICKET, name=name, fieldname="closed_by", value=org.user("lead_a")
	)
	assert response.status_code == 417
	assert read(name).status == "Reported"


def test_bad_input_is_refused_with_a_message(org, plant, sessions):
	session = sessions("officer")
	for values in (
		{"risk_point": "RP-NOPE", "company": org.company},
		{"risk_point": plant.point, "deadline": add_days(nowdate(), -1)},
		{"risk_point": plant.point, "funds": -1},
	):
		response = session.post(
			f"/api/resource/{TICKET}", data={"data": json.dumps({"description": "x", **values})}
		)
		assert response.status_code in (404, 417), (values, response.text[:300])
		assert "_server_messages" in response.json() or "exception" in response.json()


def test_another_departments_lead_reads_nothing_of_a_ticket(org, plant, sessions):
	name = create(sessions("employee_a"), risk_point=plant.point, description="Secret leak in team A1")
	stranger = sessions("lead_b")
	assert stranger.get(f"/api/resource/{TICKET}/{name}").status_code == 403
	listed = stranger.get(
		f"/api/resource/{TICKET}", params={"fields": json.dumps(["name"]), "limit_page_length": 0}
	)
	assert name not in {row["name"] for row in listed.data}
	count = stranger.call("frappe.client.get_count", doctype=TICKET, filters=json.dumps({"name": name}))
	assert count.message in (0, None)
	rows = stranger.call(
		"frappe.client.get_list",
		doctype="Hazard Ticket Extension",
		parent=TICKET,
		filters=json.dumps({"parent": name}),
		fields=json.dumps(["name", "reason"]),
	)
	assert not rows.message
	# the owning department's lead reads it; the reporter reads its own, a colleague elsewhere not
	assert sessions("lead_a").get(f"/api/resource/{TICKET}/{name}").status_code == 200
	assert sessions("employee_a").get(f"/api/resource/{TICKET}/{name}").status_code == 200
	assert sessions("employee_b").get(f"/api/resource/{TICKET}/{name}").status_code == 403


def test_an_anonymous_report_over_http_is_not_read_back_by_the_reporter(org, plant, sessions):
	name = create(sessions("employee_a"), risk_point=plant.point, is_anonymous=1, description="Blocked exit")
	doc = read(name)
	assert (doc.finder, doc.finder_user, doc.owner) == (None, None, "Guest")
	assert org.user("employee_a") != doc.modified_by
	assert sessions("employee_a").get(f"/api/resource/{TICKET}/{name}").status_code == 403
	assert not frappe.db.exists(
		"Version", {"ref_doctype": TICKET, "docname": name, "owner": org.user("employee_a")}
	)


def test_escaped_description_on_the_page(org, plant, sessions):
	name = create(
		sessions("officer"), risk_point=plant.point, description='<img src=x onerror="alert(1)">Leak'
	)
	stored = read(name).description
	assert "onerror" not in stored


def save_form(session, doc: dict, expect=200):
	"""Save as the desk does: the whole document, dates and times as the strings it got."""
	response = session.call("frappe.desk.form.save.savedocs", doc=json.dumps(doc), action="Save")
	assert response.status_code == expect, response.text[:800]
	return response


def test_the_desk_saves_the_whole_form_after_a_step(org, plant, sessions):
	"""The recorded time of a step comes back from the desk as a string: that is no forgery;
	a different time is."""
	name = create(sessions("employee_a"), risk_point=plant.point, photo_before="/files/before.jpg")
	act(sessions("lead_a"), name, "Register")
	registered_on = read(name).registered_on
	doc = sessions("lead_a").get(f"/api/resource/{TICKET}/{name}").data
	assert isinstance(doc["registered_on"], str) and doc["registered_on"]
	save_form(sessions("lead_a"), {**doc, "grade": "General", "internal_level": "Team"})
	after = read(name)
	assert (after.grade, after.registered_on) == ("General", registered_on)

	doc = sessions("lead_a").get(f"/api/resource/{TICKET}/{name}").data
	forged = str(add_days(registered_on, -1))
	response = save_form(sessions("lead_a"), {**doc, "registered_on": forged}, expect=417)
	assert "cannot be set by hand" in response.text
	assert read(name).registered_on == registered_on
