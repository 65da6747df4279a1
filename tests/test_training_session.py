"""Safety training sessions: completing one writes the attendees' training records;
bad input is refused with a translated message and nothing is written. Database
tests as the HR user of the test organisation, rolled back after each test."""

import frappe
import pytest
from ds_testkit import (
	make_designation,
	make_employee,
	make_requirement,
	make_session,
	make_training_record,
	session_action,
)
from frappe.model.workflow import apply_workflow

from dual_system.services.errors import (
	TrainingAttendanceError,
	TrainingAttendeeError,
	TrainingHoursError,
	TrainingRecordError,
	TrainingRequirementError,
	TrainingScoreError,
	TrainingSessionError,
)
from dual_system.services.signoff import StatusChangeError

pytestmark = pytest.mark.usefixtures("db")

RECORD = "Safety Training Record"


def records_of(session):
	return frappe.get_all(
		RECORD,
		{"session": session},
		["employee", "hours", "result", "score", "training_date", "training_type", "trainer", "department"],
		order_by="employee asc",
	)


@pytest.fixture
def hr(org):
	frappe.set_user(org.user("hr"))
	yield org.user("hr")
	frappe.set_user("Administrator")


def test_completing_a_session_records_the_training_of_every_present_attendee(org, hr):
	e = org.employees
	session = make_session(
		org.company,
		[
			(e["employee_a"], "Present", 92),
			(e["employee_b"], "Present", 45),
			(e["inspector_a"], "Absent", None),
		],
		hours=3.5,
		trainer_name="Wang Qiang",
	)
	done = session_action(session.name, "Complete", hr)
	assert (done.status, done.docstatus, done.completed_by) == ("Completed", 1, hr)
	rows = records_of(session.name)
	assert [(r.employee, r.hours, r.result, r.score) for r in rows] == sorted(
		[(e["employee_a"], 3.5, "Passed", 92), (e["employee_b"], 3.5, "Not Passed", 45)]
	)
	assert {str(r.training_date) for r in rows} == {"2026-09-15"}
	assert {r.trainer for r in rows} == {"Wang Qiang"}
	assert {r.department for r in rows} == {org.dept["a1"], org.dept["b"]}
	attendees = {
		row.employee: row for row in frappe.get_doc("Safety Training Session", session.name).attendees
	}
	assert attendees[e["employee_a"]].training_record and not attendees[e["inspector_a"]].training_record
	assert (done.attendee_count, done.present_count, done.passed_count) == (3, 2, 1)


def test_attendee_rows_carry_department_and_designation(org, hr):
	frappe.db.set_value("Employee", org.employees["employee_b"], "designation", make_designation("Operator"))
	session = make_session(org.company, [(org.employees["employee_b"], "", None)])
	row = session.attendees[0]
	assert (row.department, row.designation, row.employee_name) == (
		org.dept["b"],
		"Operator",
		frappe.db.get_value("Employee", org.employees["employee_b"], "employee_name"),
	)


def test_completion_with_unmarked_attendance_is_refused_and_nothing_written(org, hr):
	session = make_session(
		org.company, [(org.employees["employee_a"], "Present", 80), (org.employees["employee_b"], "", None)]
	)
	with pytest.raises(TrainingAttendanceError, match="Mark the attendance"):
		session_action(session.name, "Complete", hr)
	assert frappe.db.get_value("Safety Training Session", session.name, ["status", "docstatus"]) == (
		"Planned",
		0,
	)
	assert records_of(session.name) == []


def test_a_session_without_attendees_cannot_be_completed(org, hr):
	session = make_session(org.company)
	with pytest.raises(TrainingAttendanceError):
		session_action(session.name, "Complete", hr)


@pytest.mark.parametrize("hours", [0, -2])
def test_hours_must_be_more_than_zero(org, hr, hours):
	with pytest.raises(TrainingHoursError, match="more than 0"):
		make_session(org.company, hours=hours)
	assert not frappe.db.exists("Safety Training Session", {"company": org.company, "hours": hours})


@pytest.mark.parametrize("score", [101, -1])
def test_a_score_outside_0_to_100_is_refused(org, hr, score):
	with pytest.raises(TrainingScoreError, match="between 0 and 100"):
		make_session(org.company, [(org.employees["employee_a"], "Present", score)])


def test_an_inactive_employee_cannot_attend(org, hr):
	frappe.set_user("Administrator")
	left = make_employee("Gone", org.company, org.dept["a"], create_user_permission=0)
	frappe.db.set_value("Employee", left, "status", "Inactive")
	frappe.set_user(hr)
	with pytest.raises(TrainingAttendeeError, match="is not an active employee of"):
		make_session(org.company, [(left, "Present", 90)])


def test_an_employee_of_another_company_cannot_attend(org, hr):
	from ds_testkit import default_company

	frappe.set_user("Administrator")
	outsider = make_employee("Outsider", default_company(), create_user_permission=0)
	frappe.set_user(hr)
	with pytest.raises(TrainingAttendeeError, match="is not an active employee of"):
		make_session(org.company, [(outsider, "Present", 90)])


def test_an_attendee_listed_twice_is_refused(org, hr):
	employee = org.employees["employee_a"]
	with pytest.raises(TrainingAttendeeError, match="already listed"):
		make_session(org.company, [(employee, "Present", 90), (employee, "Present", 90)])


def test_attendance_only_passes_whoever_attended(org, hr):
	session = make_session(
		org.company,
		[(org.employees["employee_a"], "Present", None), (org.employees["employee_b"], "Excused", None)],
		assessment_method="Attendance Only",
	)
	session_action(session.name, "Complete", hr)
	assert [(r.employee, r.result) for r in records_of(session.name)] == [
		(org.employees["employee_a"], "Passed")
	]


def test_cancelling_a_completed_session_withdraws_its_records(org, hr):
	session = make_session(org.company, [(org.employees["employee_a"], "Present", 90)])
	session_action(session.name, "Complete", hr)
	frappe.set_user(hr)
	frappe.get_doc("Safety Training Session", session.name).cancel()
	assert records_of(session.name) == []
	assert frappe.db.get_value("Safety Training Session", session.name, ["status", "cancelled_by"]) == (
		"Cancelled",
		hr,
	)


def test_a_cancelled_planned_session_cannot_be_changed(org, hr):
	session = make_session(org.company, [(org.employees["employee_a"], "", None)])
	session_action(session.name, "Cancel Session", hr)
	doc = frappe.get_doc("Safety Training Session", session.name)
	assert (doc.status, doc.cancelled_by) == ("Cancelled", hr)
	frappe.set_user(hr)
	doc.hours = 8
	with pytest.raises(TrainingSessionError, match="cancelled"):
		doc.save()


def test_the_status_changes_only_through_the_workflow(org, hr):
	session = make_session(org.company, [(org.employees["employee_a"], "Present", 90)])
	session.status = "Cancelled"
	with pytest.raises(StatusChangeError):
		session.save()


def test_completion_is_recorded_when_submitted_without_the_workflow(org, hr):
	frappe.db.set_value("Workflow", "Safety Training Session", "is_active", 0)
	frappe.clear_cache(doctype="Safety Training Session")
	try:
		session = make_session(org.company, [(org.employees["employee_a"], "Present", 90)])
		session.submit()
		assert (session.status, session.completed_by) == ("Completed", hr)
		assert len(records_of(session.name)) == 1
	finally:
		frappe.db.rollback()
		frappe.clear_cache(doctype="Safety Training Session")


def test_a_record_of_a_session_cannot_be_edited_or_deleted_by_hand(org, hr):
	session = make_session(org.company, [(org.employees["employee_a"], "Present", 90)])
	session_action(session.name, "Complete", hr)
	frappe.set_user(hr)
	record = frappe.get_doc(RECORD, {"session": session.name})
	record.hours = 40
	with pytest.raises(TrainingRecordError, match="cancel and amend the session"):
		record.save()
	with pytest.raises(TrainingRecordError):
		frappe.delete_doc(RECORD, record.name)


def test_hr_enters_a_training_held_elsewhere(org, hr):
	name = make_training_record(org.employees["employee_a"], "2026-05-10", hours=32)
	record = frappe.get_doc(RECORD, name)
	assert (record.company, record.department, record.source) == (org.company, org.dept["a1"], "External")


def test_a_record_cannot_claim_to_come_from_a_session(org, hr):
	session = make_session(org.company, [(org.employees["employee_a"], "Present", 90)])
	with pytest.raises(TrainingRecordError):
		frappe.get_doc(
			{
				"doctype": RECORD,
				"employee": org.employees["employee_a"],
				"training_type": "Dual Prevention Mechanism",
				"training_date": "2026-05-10",
				"hours": 4,
				"topic": "Forged",
				"session": session.name,
			}
		).insert()


@pytest.mark.parametrize("hours", [0, -1])
def test_a_record_needs_hours(org, hr, hours):
	with pytest.raises(TrainingHoursError):
		make_training_record(org.employees["employee_a"], "2026-05-10", hours=hours)


@pytest.mark.parametrize("months", [0, None])
def test_a_requirement_without_validity_is_refused(org, hr, months):
	with pytest.raises(TrainingRequirementError, match="validity"):
		make_requirement(org.company, months=months)
	assert not frappe.db.exists("Safety Training Requirement", {"company": org.company})


def test_a_requirement_keeps_only_the_target_it_applies_by(org, hr):
	name = make_requirement(org.company, applies_to="Department", target=org.dept["a"])
	doc = frappe.get_doc("Safety Training Requirement", name)
	assert (doc.department, doc.designation, doc.role) == (org.dept["a"], None, None)
	assert doc.title == f"Dual Prevention Mechanism · {org.dept['a']}"


def test_a_requirement_of_a_department_of_another_company_is_refused(org, hr):
	from ds_testkit import default_company, make_department

	frappe.set_user("Administrator")
	other = make_department("Elsewhere", default_company())
	frappe.set_user(hr)
	with pytest.raises(TrainingRequirementError, match="belongs to"):
		make_requirement(org.company, applies_to="Department", target=other)


def test_messages_reach_a_chinese_user_in_chinese(org, hr):
	frappe.local.lang = "zh"
	try:
		with pytest.raises(TrainingHoursError) as error:
			make_session(org.company, hours=0)
	finally:
		frappe.local.lang = "en"
	assert "培训学时" in str(error.value)


def test_only_planned_sessions_offer_the_workflow_actions(org, hr):
	from frappe.model.workflow import get_transitions

	session = make_session(org.company, [(org.employees["employee_a"], "Present", 90)])
	frappe.set_user(hr)
	assert {t.action for t in get_transitions(session)} == {"Complete", "Cancel Session"}
	done = apply_workflow(session, "Complete")
	assert get_transitions(done) == []
