"""Hazard ticket reminders and escalation: before the deadline the owner, at the
deadline the department's safety lead, a week overdue top management — each step
once, however often or concurrently the job runs, with a timeline comment and an
assignment. Committed data: the job runs on its own connections, as RQ workers do."""

import threading

import frappe
import pytest
from ds_testkit import run_on_own_connection
from frappe.utils import add_days, getdate
from ledger_kit import make_ticket, purge_tickets

from dual_system import scheduler
from dual_system.services import hazard_escalation

TODAY = getdate("2026-11-28")


@pytest.fixture
def tickets(org):
	frappe.set_user("Administrator")
	frappe.db.set_single_value("Dual System Settings", "reminder_days_before_deadline", 1)
	frappe.db.set_single_value("Dual System Settings", "escalation_days_overdue", 7)

	def ticket(deadline, status="Rectifying"):
		return make_ticket(
			company=org.company,
			department=org.dept["a"],
			owning_department=org.dept["a"],
			status=status,
			deadline=deadline,
			rectification_owner=org.employees["employee_a"],
		)

	created = {
		"tomorrow": ticket(add_days(TODAY, 1)),
		"today": ticket(TODAY),
		"week_overdue": ticket(add_days(TODAY, -7)),
		"later": ticket(add_days(TODAY, 10)),
		"accepted": ticket(add_days(TODAY, -7), status="Awaiting Acceptance"),
	}
	frappe.db.commit()
	frappe.clear_document_cache("Dual System Settings", "Dual System Settings")
	yield created
	purge_tickets(created.values())


def alerts(ticket):
	return sorted(
		frappe.get_all(
			"Notification Log",
			{"document_type": "Hazard Ticket", "document_name": ticket, "type": "Alert"},
			pluck="for_user",
		)
	)


def assigned(ticket):
	return sorted(
		frappe.get_all(
			"ToDo",
			{"reference_type": "Hazard Ticket", "reference_name": ticket, "status": "Open"},
			pluck="allocated_to",
		)
	)


def comments(ticket):
	return frappe.db.count(
		"Comment", {"reference_doctype": "Hazard Ticket", "reference_name": ticket, "comment_type": "Info"}
	)


def test_each_step_reaches_its_people(org, tickets):
	hazard_escalation.send_hazard_reminders(TODAY)
	frappe.db.commit()
	owner, lead = org.user("employee_a"), org.user("lead_a")
	top = {org.user("manager"), org.user("principal")}
	assert alerts(tickets["tomorrow"]) == [owner]
	assert alerts(tickets["today"]) == sorted([owner, lead])
	week = set(alerts(tickets["week_overdue"]))
	assert {owner, lead} | top <= week
	# top management of other companies hears nothing of this company's tickets
	assert "safety.manager@demo.example.com" not in week
	assert org.user("lead_b") not in week and org.user("officer") not in week
	assert alerts(tickets["later"]) == []
	assert alerts(tickets["accepted"]) == []


def test_each_message_leaves_a_comment_and_an_assignment(org, tickets):
	hazard_escalation.send_hazard_reminders(TODAY)
	frappe.db.commit()
	assert assigned(tickets["today"]) == sorted([org.user("employee_a"), org.user("lead_a")])
	assert comments(tickets["today"]) == 2
	frappe.set_user(org.user("employee_a"))
	try:
		mine = frappe.get_list(
			"ToDo",
			{"allocated_to": org.user("employee_a"), "reference_type": "Hazard Ticket"},
			pluck="reference_name",
		)
	finally:
		frappe.set_user("Administrator")
	assert {tickets["tomorrow"], tickets["today"], tickets["week_overdue"]} <= set(mine)


def test_running_the_job_again_sends_nothing_more(tickets):
	first = hazard_escalation.send_hazard_reminders(TODAY)
	assert first > 0
	for _ in range(2):
		assert hazard_escalation.send_hazard_reminders(TODAY) == 0
	frappe.db.commit()
	assert len(alerts(tickets["today"])) == 2
	assert comments(tickets["today"]) == 2


def test_concurrent_runs_send_each_step_once(org, tickets):
	workers = 4
	barrier = threading.Barrier(workers)
	threads = [
		run_on_own_connection(lambda: hazard_escalation.send_hazard_reminders(TODAY), barrier)
		for _ in range(workers)
	]
	for t in threads:
		t.start()
	for t in threads:
		t.join(timeout=180)
	frappe.db.rollback()  # see the workers' commits
	assert alerts(tickets["tomorrow"]) == [org.user("employee_a")]
	assert len(alerts(tickets["today"])) == 2
	assert comments(tickets["today"]) == 2
	week = alerts(tickets["week_overdue"])
	assert len(week) == len(set(week))


def test_a_new_deadline_starts_the_steps_again(org, tickets):
	hazard_escalation.send_hazard_reminders(TODAY)
	frappe.db.set_value("Hazard Ticket", tickets["tomorrow"], "deadline", add_days(TODAY, 1 + 1))
	hazard_escalation.send_hazard_reminders(add_days(TODAY, 1))
	frappe.db.commit()
	assert alerts(tickets["tomorrow"]) == [org.user("employee_a")] * 2


def test_the_job_is_registered_daily():
	assert "dual_system.scheduler.send_hazard_reminders" in frappe.get_hooks("scheduler_events")["daily"]
	assert callable(scheduler.send_hazard_reminders)
