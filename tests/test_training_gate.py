"""The training gate: assigning a 包保 role (and, through the service, a
rectification or an inspection task) to an employee who lacks a valid required
training warns or is refused, naming the missing training — as Dual System
Settings say. Database tests, rolled back after each test."""

import frappe
import pytest
from ds_testkit import make_requirement, make_risk_point, make_training_record
from frappe.utils import add_days, getdate, nowdate

from dual_system.services import training_gate
from dual_system.services.errors import TrainingGateError

pytestmark = pytest.mark.usefixtures("db")

T = getdate(nowdate())


@pytest.fixture
def gate():
	def set_mode(mode):
		frappe.db.set_single_value("Dual System Settings", "training_gate", mode)
		frappe.clear_document_cache("Dual System Settings", "Dual System Settings")

	yield set_mode
	frappe.clear_document_cache("Dual System Settings", "Dual System Settings")


@pytest.fixture
def required(org):
	"""Special operations training required for 包保 duty; dual-system training for inspection tasks."""
	frappe.set_user(org.user("hr"))
	names = {
		"duty": make_requirement(
			org.company,
			"Special Operations",
			"Everyone",
			hours=0,
			months=36,
			purposes=[training_gate.MAJOR_HAZARD_DUTY],
		),
		"inspection": make_requirement(
			org.company, "Dual Prevention Mechanism", "Everyone", purposes=[training_gate.INSPECTION_TASK]
		),
		"unrelated": make_requirement(org.company, "Annual Refresher", "Everyone"),
	}
	frappe.set_user("Administrator")
	# the principal and the officer hold the certificate; lead A does not
	for key in ("principal", "officer"):
		make_training_record(org.employees[key], str(add_days(T, -100)), 16, "Special Operations")
	return names


def mhi_point(org, technical="lead_a"):
	frappe.set_user(org.user("officer"))
	try:
		return make_risk_point(
			org.dept["a"],
			is_major_hazard_installation=1,
			main_responsible_person=org.employees["principal"],
			technical_responsible_person=org.employees[technical],
			operating_responsible_person=org.employees["officer"],
		)
	finally:
		frappe.set_user("Administrator")


def messages():
	return [str(m) for m in frappe.get_message_log()]


def test_block_refuses_the_assignment_naming_the_missing_training(org, required, gate):
	gate("Block")
	frappe.clear_messages()
	with pytest.raises(TrainingGateError) as error:
		mhi_point(org)
	text = str(error.value)
	assert "Special Operations (Missing)" in text and "lead_a" in text
	assert "Technical Responsible Person" in text
	assert not frappe.db.exists("Risk Point", {"technical_responsible_person": org.employees["lead_a"]})


def test_warn_names_the_missing_training_and_saves(org, required, gate):
	gate("Warn")
	frappe.clear_messages()
	point = mhi_point(org)
	assert frappe.db.exists("Risk Point", point)
	assert any("lacks the training required for" in m and "Special Operations" in m for m in messages())


def test_off_says_nothing(org, required, gate):
	gate("Off")
	frappe.clear_messages()
	assert frappe.db.exists("Risk Point", mhi_point(org))
	assert not any("lacks the training" in m for m in messages())


def test_people_with_a_valid_training_pass_even_when_blocking(org, required, gate):
	gate("Block")
	assert frappe.db.exists("Risk Point", mhi_point(org, technical="principal"))


def test_an_expiring_training_is_still_valid(org, required, gate):
	gate("Block")
	make_training_record(
		org.employees["lead_a"], str(add_days(frappe.utils.add_months(T, -36), 10)), 16, "Special Operations"
	)
	assert frappe.db.exists("Risk Point", mhi_point(org))


def test_an_expired_training_names_its_expiry(org, required, gate):
	gate("Block")
	make_training_record(org.employees["lead_a"], "2020-01-10", 16, "Special Operations")
	with pytest.raises(TrainingGateError, match=r"Special Operations \(expired on"):
		mhi_point(org)


def test_only_a_newly_assigned_person_is_checked(org, required, gate):
	gate("Warn")
	point = mhi_point(org)
	gate("Block")
	frappe.set_user(org.user("officer"))
	doc = frappe.get_doc("Risk Point", point)
	doc.description = "Tank farm"
	doc.save()  # lead A stays: nothing new is assigned
	doc.technical_responsible_person = org.employees["officer"]
	doc.save()  # the officer holds the certificate
	doc.technical_responsible_person = org.employees["lead_b"]
	with pytest.raises(TrainingGateError):
		doc.save()


def test_requirements_for_other_purposes_do_not_gate_the_duty(org, required, gate):
	gate("Block")
	frappe.db.set_value(
		"Safety Training Requirement Purpose",
		{"parent": required["duty"]},
		"purpose",
		training_gate.HIDDEN_DANGER_RECTIFICATION,
	)
	assert frappe.db.exists("Risk Point", mhi_point(org))


def test_the_service_checks_any_purpose_for_other_assignments(org, required, gate):
	gate("Block")
	with pytest.raises(TrainingGateError, match="Dual Prevention Mechanism"):
		training_gate.check(
			org.employees["lead_a"], training_gate.INSPECTION_TASK, "inspection task assignee"
		)
	make_training_record(org.employees["lead_a"], str(add_days(T, -10)), 4)
	assert training_gate.check(org.employees["lead_a"], training_gate.INSPECTION_TASK) == []


def test_gaps_are_reported_whatever_the_setting(org, required, gate):
	gate("Off")
	gaps = training_gate.check(org.employees["lead_a"], training_gate.MAJOR_HAZARD_DUTY)
	assert [(r.training_type, c.status) for r, c in gaps] == [("Special Operations", "Missing")]


def test_a_disabled_requirement_does_not_gate(org, required, gate):
	gate("Block")
	frappe.db.set_value("Safety Training Requirement", required["duty"], "disabled", 1)
	assert frappe.db.exists("Risk Point", mhi_point(org))
