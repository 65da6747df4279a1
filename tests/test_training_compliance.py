"""The compliance matrix of a seeded organisation equals the expected table; the
four 100% figures and the induction flag follow from it. Database tests on the
test organisation, rolled back after each test; dates relative to today."""

import frappe
import pytest
from ds_testkit import make_designation, make_employee, make_requirement, make_training_record
from frappe.utils import add_days, add_months, getdate, nowdate

from dual_system.api import training as training_api
from dual_system.permissions import clear_scope_cache
from dual_system.services.training_reports import compliance_matrix, requirement_column

pytestmark = pytest.mark.usefixtures("db")

T = getdate(nowdate())


def ago(days: int) -> str:
	return str(add_days(T, -days))


@pytest.fixture
def seeded(org):
	"""Four requirements and a training history chosen to give every status."""
	e = org.employees
	frappe.db.set_value("Employee", e["employee_b"], "designation", make_designation("Press Operator T"))
	newcomer = make_employee("Newcomer", org.company, org.dept["a1"], create_user_permission=0)
	frappe.db.set_value("Employee", newcomer, "date_of_joining", add_days(T, -30))
	frappe.set_user(org.user("hr"))
	req = {
		"all": make_requirement(org.company, "Dual Prevention Mechanism", "Everyone", hours=4, months=12),
		"role": make_requirement(
			org.company,
			"Principal and Safety Manager Training",
			"Role",
			"Safety Manager",
			hours=12,
			months=12,
		),
		"dept": make_requirement(
			org.company, "Special Operations", "Department", org.dept["a"], hours=0, months=36
		),
		"desig": make_requirement(
			org.company, "Annual Refresher", "Designation", "Press Operator T", hours=8, months=12
		),
	}
	frappe.set_user("Administrator")
	record = make_training_record
	record(e["employee_a"], ago(100), 4)
	record(e["employee_a"], str(add_days(add_months(T, -36), 10)), 16, "Special Operations")
	record(e["lead_a"], ago(400), 4)
	record(e["inspector_a"], str(add_days(add_months(T, -12), 15)), 4)
	record(e["inspector_a"], ago(30), 16, "Special Operations")
	record(e["manager"], ago(10), 4)
	record(e["manager"], ago(200), 8, "Principal and Safety Manager Training")
	record(e["manager"], ago(20), 4, "Principal and Safety Manager Training")
	record(e["employee_b"], ago(10), 2)
	record(e["employee_b"], ago(5), 8, "Annual Refresher", result="Not Passed")
	record(newcomer, ago(20), 8, "Plant-Level Induction")
	return frappe._dict(req=req, newcomer=newcomer)


EXPECTED = {
	"officer": {"all": "Missing"},
	"manager": {"all": "OK", "role": "OK"},
	"principal": {"all": "Missing"},
	"lead_a": {"all": "Expired", "dept": "Missing"},
	"lead_b": {"all": "Missing"},
	"inspector_a": {"all": "Expiring", "dept": "OK"},
	"employee_a": {"all": "OK", "dept": "Expiring"},
	"employee_b": {"all": "Missing", "desig": "Missing"},
	"hr": {"all": "Missing"},
	"newcomer": {"all": "Missing", "dept": "Missing"},
}


def matrix(org, seeded, user=None, **filters):
	clear_scope_cache()
	frappe.set_user(user or org.user("hr"))
	try:
		_columns, rows, *_rest = compliance_matrix({"company": org.company, "date": str(T), **filters})
	finally:
		frappe.set_user("Administrator")
	keys = {v: k for k, v in org.employees.items()} | {seeded.newcomer: "newcomer"}
	table = {}
	for row in rows:
		if row["employee"] not in keys:
			continue
		table[keys[row["employee"]]] = {
			name: row[f"{requirement_column(requirement)}_key"]
			for name, requirement in seeded.req.items()
			if row[f"{requirement_column(requirement)}_key"] != "Not Applicable"
		}
	return table, {keys[r["employee"]]: r for r in rows if r["employee"] in keys}


def test_the_compliance_matrix_equals_the_expected_table(org, seeded):
	table, _rows = matrix(org, seeded)
	assert table == EXPECTED


def test_cells_say_until_when_a_training_is_valid(org, seeded):
	_table, rows = matrix(org, seeded)
	cell = rows["manager"][requirement_column(seeded.req["role"])]
	assert cell.startswith("OK until ")
	assert rows["officer"][requirement_column(seeded.req["all"])] == "Missing"


def test_new_employees_are_flagged_until_their_induction_is_complete(org, seeded):
	_table, rows = matrix(org, seeded)
	assert rows["newcomer"]["induction_key"] == "Incomplete"
	assert rows["newcomer"]["induction"] == "Missing: Workshop Level, Team Level"
	assert rows["employee_a"]["induction"] == ""  # joined two years ago: not new
	for level_type in ("Workshop-Level Induction", "Team-Level Induction"):
		make_training_record(seeded.newcomer, ago(5), 8, level_type)
	_table, rows = matrix(org, seeded)
	assert (rows["newcomer"]["induction_key"], rows["newcomer"]["induction"]) == ("Complete", "Complete")


def test_only_due_lists_those_with_something_missing_expired_or_expiring(org, seeded):
	table, _rows = matrix(org, seeded, due_only=1)
	assert set(table) == set(EXPECTED) - {"manager"}


def test_a_department_filter_keeps_its_subtree(org, seeded):
	table, _rows = matrix(org, seeded, department=org.dept["a"])
	assert set(table) == {"lead_a", "inspector_a", "employee_a", "newcomer"}


def test_a_lead_sees_the_rows_of_its_subtree_only(org, seeded):
	table, _rows = matrix(org, seeded, user=org.user("lead_a"))
	assert table == {k: EXPECTED[k] for k in ("lead_a", "inspector_a", "employee_a", "newcomer")}


def test_the_matrix_changes_when_a_session_is_completed(org, seeded):
	from ds_testkit import make_session, session_action

	frappe.set_user(org.user("hr"))
	session = make_session(
		org.company, [(org.employees["lead_a"], "Present", 80)], start=f"{ago(1)} 09:00:00"
	)
	session_action(session.name, "Complete", org.user("hr"))
	table, _rows = matrix(org, seeded)
	assert table["lead_a"]["all"] == "OK"


def test_all_staff_trained_figure(org, seeded):
	frappe.db.set_value(
		"Safety Training Requirement", seeded.req["all"], "four_hundred_percent", "All Staff Trained"
	)
	frappe.set_user(org.user("hr"))
	result = training_api.four_hundred_percent({"company": org.company, "figure": "All Staff Trained"})
	subjects = frappe.db.count("Employee", {"company": org.company, "status": "Active"})
	assert result["value"] == round(100.0 * 3 / subjects, 1)  # manager, inspector A (expiring), employee A


def test_a_figure_nobody_is_subject_to_shows_a_dash(org, seeded):
	frappe.set_user(org.user("hr"))
	assert (
		training_api.four_hundred_percent({"company": org.company, "figure": "Key Hazardous Work Trained"})
		== "–"
	)


def test_the_employee_form_names_the_unmet_requirements(org, seeded):
	frappe.set_user(org.user("hr"))
	status = training_api.employee_training_status(org.employees["lead_a"])
	assert {(g["training_type"], g["status"]) for g in status["gaps"]} == {
		("Dual Prevention Mechanism", "Expired"),
		("Special Operations", "Missing"),
	}
	status = training_api.employee_training_status(seeded.newcomer)
	assert status["induction_missing"] == ["Workshop Level", "Team Level"]


def test_due_attendees_are_those_whose_requirement_is_not_ok(org, seeded):
	frappe.set_user(org.user("hr"))
	due = training_api.attendee_candidates(org.company, training_type="Special Operations", due_only=1)
	keys = {v: k for k, v in org.employees.items()} | {seeded.newcomer: "newcomer"}
	assert {keys[p["employee"]] for p in due if p["employee"] in keys} == {"lead_a", "employee_a", "newcomer"}
	by_department = training_api.attendee_candidates(org.company, department=org.dept["a"])
	assert {keys[p["employee"]] for p in by_department if p["employee"] in keys} == {
		"lead_a",
		"inspector_a",
		"employee_a",
		"newcomer",
	}


def test_attendee_selection_needs_the_right_to_organise_sessions(org, seeded):
	frappe.set_user(org.user("employee_a"))
	with pytest.raises(frappe.PermissionError):
		training_api.attendee_candidates(org.company, department=org.dept["a"])


def test_employees_who_left_are_not_in_the_matrix(org, seeded):
	frappe.db.set_value("Employee", org.employees["lead_b"], "status", "Inactive")
	table, _rows = matrix(org, seeded)
	assert "lead_b" not in table
