"""What the server changes in bulk is on record, and the roll-up holds under
concurrent approvals."""

from __future__ import annotations

import os
import threading

import frappe
import pytest
from ds_testkit import (
	act,
	approve_through_workflow,
	lec_row,
	make_assessment,
	make_risk_point,
	purge_risk_points,
)
from frappe.model.workflow import apply_workflow

from dual_system.services.risk import revise


@pytest.mark.usefixtures("db")
def test_superseding_leaves_versions_and_the_reason_on_the_assessment_events_and_measures(org):
	frappe.set_user(org.user("officer"))
	point = make_risk_point(org.dept["a"], responsible_employee=org.employees["officer"])
	first = make_assessment(point, [lec_row(3, 6, 7, full=True)]).name
	approve_through_workflow(first, org)
	events = frappe.get_all("Risk Event", {"risk_assessment": first}, pluck="name")
	measures = frappe.get_all("Control Measure", {"risk_event": ("in", events)}, pluck="name")
	assert events and len(measures) >= 5
	frappe.set_user(org.user("officer"))
	second = revise(first, "Process Change")
	approve_through_workflow(second, org)
	approver = org.user("manager")

	def last_change(doctype, name):
		version = frappe.get_all(
			"Version",
			{"ref_doctype": doctype, "docname": name},
			["owner", "data"],
			order_by="creation desc",
			limit=1,
		)
		assert version, f"no Version of {doctype} {name}"
		return version[0].owner, {c[0]: (c[1], c[2]) for c in frappe.parse_json(version[0].data)["changed"]}

	owner, changed = last_change("Risk Assessment", first)
	assert owner == approver and changed["status"] == ("Approved", "Superseded")
	assert changed["superseded_by"] == (None, second)
	for event in events:
		owner, changed = last_change("Risk Event", event)
		assert owner == approver and changed["status"] == ("Active", "Archived")
	for measure in measures:
		owner, changed = last_change("Control Measure", measure)
		assert owner == approver and changed["status"][1] == "Archived"
	reason = frappe.get_all(
		"Comment", {"reference_doctype": "Risk Event", "reference_name": events[0]}, pluck="content"
	)
	assert f"Superseded by the approval of {second}" in reason


@pytest.fixture
def group_with_two_children(org):
	"""A group point with two children, each with an assessment awaiting approval (committed)."""
	frappe.set_user(org.user("officer"))
	parent = make_risk_point(org.dept["a"], is_group=1, responsible_employee=org.employees["officer"])
	children = [
		make_risk_point(org.dept["a"], parent=parent, responsible_employee=org.employees["officer"])
		for _ in range(2)
	]
	frappe.db.commit()
	assessments = []
	for child, factors in zip(children, ((3, 6, 40), (1, 6, 40)), strict=True):
		frappe.set_user(org.user("officer"))
		doc = make_assessment(child, [lec_row(*factors)])
		frappe.db.commit()
		act(doc.name, "Submit for Review", org.user("officer"))
		act(doc.name, "Review", org.user("lead_a"))
		frappe.db.commit()
		assessments.append(doc.name)
	frappe.set_user("Administrator")
	yield parent, children, assessments
	purge_risk_points([*children, parent])


def approve_on_own_connection(name: str, user: str, barrier: threading.Barrier, errors: list):
	site, sites_path = frappe.local.site, os.getcwd()

	def work():
		frappe.init(site=site, sites_path=sites_path)
		frappe.connect()
		try:
			frappe.set_user(user)
			doc = frappe.get_doc("Risk Assessment", name)
			barrier.wait()
			apply_workflow(doc, "Approve")
			frappe.db.commit()
		except Exception as e:  # reported to the test
			errors.append(repr(e))
			frappe.db.rollback()
		finally:
			frappe.destroy()

	return threading.Thread(target=work)


@pytest.mark.parametrize("attempt", [1, 2])
def test_two_children_approved_at_the_same_moment_both_reach_the_parent(
	org, group_with_two_children, attempt
):
	parent, children, (major, significant) = group_with_two_children
	barrier, errors = threading.Barrier(2), []
	threads = [
		approve_on_own_connection(major, org.user("principal"), barrier, errors),
		approve_on_own_connection(significant, org.user("manager"), barrier, errors),
	]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join(120)
	assert errors == []
	frappe.db.rollback()
	levels = {c: frappe.db.get_value("Risk Point", c, "current_risk_level") for c in children}
	assert sorted(levels.values()) == ["Major", "Significant"]
	assert frappe.db.get_value("Risk Point", parent, ["current_risk_level", "current_control_level"]) == (
		"Major",
		"Company Level",
	)
