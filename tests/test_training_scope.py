"""Who reads training sessions and records: the scope registry's staff, row_staff,
wide_roles and department_roles declarations (dual_system.scopes). Database tests
as real users of the test organisation, rolled back after each test.

- HR (HR User / HR Manager) reads every training record of its companies — and
  still nothing of the risk doctypes beyond what its Employee role reads;
- a Department Safety Lead reads the records of the employees currently in its
  subtree, and the sessions they attended or its departments organised;
- everyone else reads its own records and the sessions it attended or trained.
"""

import frappe
import pytest
from ds_testkit import (
	default_company,
	make_hr_staff,
	make_risk_point,
	make_session,
	make_staff,
	session_action,
)

from dual_system.permissions import clear_scope_cache

pytestmark = pytest.mark.usefixtures("db")

RECORD = "Safety Training Record"
SESSION = "Safety Training Session"


@pytest.fixture
def trained(org):
	"""Two completed sessions: one attended by employee A (team A1) and lead A,
	organised by department B; one attended by employee B only. Trained by the
	inspector of team A1."""
	e = org.employees
	frappe.set_user(org.user("hr"))
	first = make_session(
		org.company,
		[(e["employee_a"], "Present", 90), (e["lead_a"], "Present", 80)],
		organiser_department=org.dept["b"],
		trainer_type="Employee",
		trainer_employee=e["inspector_a"],
	)
	second = make_session(org.company, [(e["employee_b"], "Present", 70)])
	session_action(first.name, "Complete", org.user("hr"))
	session_action(second.name, "Complete", org.user("hr"))
	frappe.set_user("Administrator")
	return frappe._dict(first=first.name, second=second.name)


def readable(user, doctype, trained):
	clear_scope_cache()
	frappe.set_user(user)
	try:
		if doctype == SESSION:
			return set(
				frappe.get_list(SESSION, {"name": ("in", [trained.first, trained.second])}, pluck="name")
			)
		return {
			r.employee
			for r in frappe.get_list(
				RECORD, {"session": ("in", [trained.first, trained.second])}, ["employee"]
			)
		}
	finally:
		frappe.set_user("Administrator")


def test_hr_reads_every_record_and_session_of_its_company(org, trained):
	e = org.employees
	assert readable(org.user("hr"), RECORD, trained) == {e["employee_a"], e["lead_a"], e["employee_b"]}
	assert readable(org.user("hr"), SESSION, trained) == {trained.first, trained.second}


def test_hr_of_another_company_reads_none_of_them(org, trained):
	user, _employee = make_hr_staff(default_company(), None, name="HR Elsewhere")
	assert readable(user, RECORD, trained) == set()
	assert readable(user, SESSION, trained) == set()


def test_being_company_wide_for_training_does_not_widen_hr_on_risk_points(org):
	"""HR holds the Employee role too: it reads the risk points of its own department
	(as any employee does), not the whole company's."""
	frappe.set_user(org.user("officer"))
	own = make_risk_point(org.dept["safety"])
	other = make_risk_point(org.dept["b"])
	clear_scope_cache()
	frappe.set_user(org.user("hr"))
	assert set(frappe.get_list("Risk Point", {"name": ("in", [own, other])}, pluck="name")) == {own}
	assert not frappe.has_permission("Risk Assessment", "read")


def test_a_lead_reads_the_records_of_its_subtree_only(org, trained):
	e = org.employees
	assert readable(org.user("lead_a"), RECORD, trained) == {e["employee_a"], e["lead_a"]}
	assert readable(org.user("lead_b"), RECORD, trained) == {e["employee_b"]}


def test_a_lead_reads_sessions_its_people_attended_or_its_departments_organised(org, trained):
	assert readable(org.user("lead_a"), SESSION, trained) == {trained.first}
	# lead B: its department organised the first session, its employee attended the second
	assert readable(org.user("lead_b"), SESSION, trained) == {trained.first, trained.second}


def test_an_employee_reads_its_own_records_not_its_colleagues(org, trained):
	e = org.employees
	frappe.set_user("Administrator")
	colleague, _employee = make_staff(department=org.dept["a1"], company=org.company, name="Colleague")
	assert readable(org.user("employee_a"), RECORD, trained) == {e["employee_a"]}
	assert readable(colleague, RECORD, trained) == set()
	assert readable(colleague, SESSION, trained) == set()


def test_an_employee_reads_the_sessions_it_attended(org, trained):
	assert readable(org.user("employee_a"), SESSION, trained) == {trained.first}
	assert readable(org.user("employee_b"), SESSION, trained) == {trained.second}


def test_the_trainer_reads_the_session_it_gave_but_not_the_records(org, trained):
	assert readable(org.user("inspector_a"), SESSION, trained) == {trained.first}
	assert readable(org.user("inspector_a"), RECORD, trained) == set()


def test_records_follow_their_employee_to_a_new_department(org, trained):
	"""The lead of the department an employee moves to sees the employee's training history."""
	frappe.set_user("Administrator")
	frappe.db.set_value("Employee", org.employees["employee_a"], "department", org.dept["b"])
	assert org.employees["employee_a"] in readable(org.user("lead_b"), RECORD, trained)
	assert org.employees["employee_a"] not in readable(org.user("lead_a"), RECORD, trained)


def test_an_employee_cannot_open_a_colleagues_record(org, trained):
	name = frappe.db.get_value(RECORD, {"employee": org.employees["lead_a"], "session": trained.first})
	clear_scope_cache()
	frappe.set_user(org.user("employee_a"))
	assert not frappe.has_permission(RECORD, "read", doc=name)
	own = frappe.db.get_value(RECORD, {"employee": org.employees["employee_a"], "session": trained.first})
	assert frappe.has_permission(RECORD, "read", doc=own)


def test_attendee_rows_read_through_parent_follow_the_session(org, trained):
	clear_scope_cache()
	frappe.set_user(org.user("employee_b"))
	rows = frappe.get_list(
		"Safety Training Attendee",
		filters={"parent": ("in", [trained.first, trained.second])},
		fields=["parent"],
		parent_doctype=SESSION,
	)
	assert {r.parent for r in rows} == {trained.second}
