"""Training expiry reminders: sent once per employee, requirement and expiry date,
however often or concurrently the scheduled job runs. Committed data: the job
runs on its own database connections, as RQ workers do."""

import os
import threading

import frappe
import pytest
from ds_testkit import (
	CommittedData,
	make_department,
	make_employee,
	make_requirement,
	make_staff,
	make_training_record,
	run_on_own_connection,
	unique,
)
from frappe.utils import add_days, add_months, getdate
from freezegun import freeze_time

from dual_system import scheduler
from dual_system.services import reminders

TODAY = getdate("2026-11-28")


@pytest.fixture(scope="module")
def people(org):
	"""A department of three employees under one requirement (12 months): one whose
	training lapses in 10 days, one in 5 months, one without a user in 20 days."""
	frappe.set_user("Administrator")
	data = CommittedData()
	department = data.track("Department", make_department(f"Reminders {unique('')}", org.company))
	soon_user, soon = make_staff(department=department, company=org.company, name="Soon")
	later_user, later = make_staff(department=department, company=org.company, name="Later")
	nouser = make_employee("No User", org.company, department)
	for doctype, name in (("User", soon_user), ("User", later_user)):
		data.track(doctype, name)
	for name in (soon, later, nouser):
		data.track("Employee", name)
	frappe.set_user(org.user("hr"))
	requirement = make_requirement(
		org.company, "Dual Prevention Mechanism", "Department", department, hours=4, months=12
	)
	frappe.set_user("Administrator")
	data.track("Safety Training Requirement", requirement)
	for employee, lapses_in in ((soon, 10), (later, 150), (nouser, 20)):
		trained = add_days(add_months(TODAY, -12), lapses_in)
		data.track("Safety Training Record", make_training_record(employee, str(trained), 4))
	data.commit()
	yield frappe._dict(
		soon=soon,
		soon_user=soon_user,
		later=later,
		nouser=nouser,
		requirement=requirement,
		owner=org.user("hr"),
		data=data,
	)
	frappe.db.delete("Safety Reminder Log", {"reference_name": requirement})
	frappe.db.delete("Notification Log", {"document_name": requirement})
	frappe.db.commit()
	data.cleanup()


@pytest.fixture
def fresh(people):
	frappe.db.delete("Safety Reminder Log", {"reference_name": people.requirement})
	frappe.db.delete("Notification Log", {"document_name": people.requirement})
	frappe.db.commit()
	yield people
	frappe.db.rollback()


def notifications(people):
	return frappe.get_all(
		"Notification Log",
		{"document_type": "Safety Training Requirement", "document_name": people.requirement},
		["for_user", "subject"],
		order_by="creation asc",
	)


def run_job_on_own_connection(barrier=None, today=TODAY):
	return run_on_own_connection(lambda: reminders.send_training_expiry_reminders(today), barrier)


def test_expiring_trainings_are_reminded_to_the_employee_or_the_requirements_author(fresh):
	reminders.send_training_expiry_reminders(TODAY)
	frappe.db.commit()
	sent = notifications(fresh)
	assert sorted(n.for_user for n in sent) == sorted([fresh.soon_user, fresh.owner])
	assert all("Dual Prevention Mechanism" in n.subject and "expires on" in n.subject for n in sent)
	assert any("No User" in n.subject for n in sent if n.for_user == fresh.owner)


def test_running_the_job_again_sends_nothing_more(fresh):
	for _ in range(3):
		reminders.send_training_expiry_reminders(TODAY)
	frappe.db.commit()
	assert len(notifications(fresh)) == 2
	assert frappe.db.count("Safety Reminder Log", {"reference_name": fresh.requirement}) == 2


def test_concurrent_runs_send_each_reminder_once(fresh):
	workers = 4
	barrier = threading.Barrier(workers)
	threads = [run_job_on_own_connection(barrier) for _ in range(workers)]
	for t in threads:
		t.start()
	for t in threads:
		t.join(timeout=180)
	frappe.db.rollback()  # see the workers' commits
	assert sorted(n.for_user for n in notifications(fresh)) == sorted([fresh.soon_user, fresh.owner])


def test_a_renewed_training_is_reminded_again_before_its_new_expiry(fresh):
	reminders.send_training_expiry_reminders(TODAY)
	renewal = make_training_record(fresh.soon, str(add_days(TODAY, -340)), 4)
	fresh.data.track("Safety Training Record", renewal)
	frappe.db.commit()
	reminders.send_training_expiry_reminders(TODAY)  # the renewal lapses in ~25 days
	frappe.db.commit()
	assert [n.for_user for n in notifications(fresh)].count(fresh.soon_user) == 2


def test_the_scheduled_entry_point_uses_today(fresh):
	with freeze_time("2026-06-01 09:00:00"):
		scheduler.send_training_expiry_reminders()  # nothing lapses within 30 days of June
	frappe.db.rollback()
	assert notifications(fresh) == []
	with freeze_time("2026-11-28 09:00:00"):
		scheduler.send_training_expiry_reminders()
	frappe.db.rollback()
	assert len(notifications(fresh)) == 2


def test_the_job_is_registered_daily():
	assert (
		"dual_system.scheduler.send_training_expiry_reminders"
		in frappe.get_hooks("scheduler_events")["daily"]
	)
	assert os.path.exists(frappe.get_app_path("dual_system", "scheduler.py"))
