"""Risk review reminders: sent once per point and due date, however often or
concurrently the scheduled job runs. Committed data: the job runs on its own
database connections, as RQ workers do."""

import os
import threading

import frappe
import pytest
from ds_testkit import make_risk_point, purge_risk_points, run_on_own_connection
from frappe.utils import add_days, getdate
from freezegun import freeze_time

from dual_system import scheduler
from dual_system.services import reminders

TODAY = getdate("2026-11-28")


@pytest.fixture
def points(org):
	frappe.set_user(org.user("officer"))
	created = {
		"due_soon": make_risk_point(
			org.dept["a"], review_due_date=add_days(TODAY, 10), responsible_employee=org.employees["lead_a"]
		),
		"overdue": make_risk_point(org.dept["a"], review_due_date=add_days(TODAY, -3)),
		"later": make_risk_point(
			org.dept["a"], review_due_date=add_days(TODAY, 90), responsible_employee=org.employees["lead_a"]
		),
	}
	frappe.set_user("Administrator")
	frappe.db.commit()
	yield created
	purge_risk_points(list(created.values()))


def notifications(point):
	return frappe.get_all(
		"Notification Log", {"document_type": "Risk Point", "document_name": point}, ["for_user", "subject"]
	)


def run_job_on_own_connection(barrier=None, today=TODAY):
	return run_on_own_connection(lambda: reminders.send_risk_review_reminders(today), barrier)


def test_due_reviews_are_reminded_to_the_responsible_person_or_the_creator(org, points):
	reminders.send_risk_review_reminders(TODAY)
	frappe.db.commit()
	assert [n.for_user for n in notifications(points["due_soon"])] == [org.user("lead_a")]
	assert "is due on" in notifications(points["due_soon"])[0].subject
	assert [n.for_user for n in notifications(points["overdue"])] == [org.user("officer")]
	assert notifications(points["later"]) == []


def test_running_the_job_again_sends_nothing_more(points):
	for _ in range(3):
		reminders.send_risk_review_reminders(TODAY)
	frappe.db.commit()
	assert len(notifications(points["due_soon"])) == 1
	assert frappe.db.count("Safety Reminder Log", {"reference_name": points["due_soon"]}) == 1


def test_concurrent_runs_send_each_reminder_once(points):
	workers = 4
	barrier = threading.Barrier(workers)
	threads = [run_job_on_own_connection(barrier) for _ in range(workers)]
	for t in threads:
		t.start()
	for t in threads:
		t.join(timeout=120)
	frappe.db.rollback()  # see the workers' commits
	assert len(notifications(points["due_soon"])) == 1
	assert len(notifications(points["overdue"])) == 1


def test_a_new_due_date_is_reminded_again(points):
	reminders.send_risk_review_reminders(TODAY)
	frappe.db.set_value("Risk Point", points["due_soon"], "review_due_date", add_days(TODAY, 20))
	reminders.send_risk_review_reminders(TODAY)
	frappe.db.commit()
	assert len(notifications(points["due_soon"])) == 2


def test_the_scheduled_entry_point_uses_today(points):
	with freeze_time("2026-08-01 09:00:00"):
		scheduler.send_risk_review_reminders()  # nothing is due yet in August
	frappe.db.rollback()
	assert notifications(points["due_soon"]) == []
	with freeze_time("2026-12-01 09:00:00"):
		scheduler.send_risk_review_reminders()
	frappe.db.rollback()
	assert len(notifications(points["due_soon"])) == 1
	assert len(notifications(points["later"])) == 0


def test_the_job_is_registered_daily():
	assert "dual_system.scheduler.send_risk_review_reminders" in frappe.get_hooks("scheduler_events")["daily"]
	assert os.path.exists(frappe.get_app_path("dual_system", "scheduler.py"))
