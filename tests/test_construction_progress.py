"""The leading group, construction plans and the group view that adds up a parent
company's subsidiaries. A group with two subsidiaries (and a grandchild) is built
once for the module and rolled back at its end; each test undoes its own writes."""

import frappe
import pytest
from ds_testkit import make_employee, unique
from frappe.utils import add_days, getdate, nowdate

from dual_system.services.errors import ConstructionPlanError, LeadingGroupError
from dual_system.services.training_reports import group_progress

T = getdate(nowdate())


def company(name, abbr, parent=None, is_group=0):
	doc = {
		"doctype": "Company",
		"company_name": name,
		"abbr": abbr,
		"country": "China",
		"default_currency": "CNY",
		"is_group": is_group,
	}
	if parent:
		doc["parent_company"] = parent
	else:
		doc.update(
			{"create_chart_of_accounts_based_on": "Standard Template", "chart_of_accounts": "Standard"}
		)
	return frappe.get_doc(doc).insert(ignore_permissions=True).name


def plan(company_name, milestones, **fields):
	"""milestones: (status, weight, due in days from today)."""
	return frappe.get_doc(
		{
			"doctype": "Dual System Construction Plan",
			"title": f"Plan {company_name}",
			"company": company_name,
			"milestones": [
				{
					"phase": f"Phase {i // 2 + 1}",
					"milestone": f"Milestone {i + 1}",
					"status": status,
					"weight": weight,
					"due_date": add_days(T, due),
					"evidence": "Minutes" if status == "Completed" else None,
				}
				for i, (status, weight, due) in enumerate(milestones)
			],
			**fields,
		}
	).insert(ignore_permissions=True)


@pytest.fixture(scope="module")
def group():
	frappe.db.rollback()
	frappe.set_user("Administrator")
	tag = unique("")
	parent = company(f"Group {tag}", f"G{tag}", is_group=1)
	north = company(f"North {tag}", f"N{tag}", parent, is_group=1)
	south = company(f"South {tag}", f"S{tag}", parent)
	north_works = company(f"North Works {tag}", f"W{tag}", north)
	plans = {
		# the parent's own plan: 1 of 2 weight done
		parent: plan(parent, [("Completed", 1, -30), ("In Progress", 1, 30)]),
		# north: 3 of 4 weight done, nothing overdue
		north: plan(north, [("Completed", 3, -10), ("Not Started", 1, 10)]),
		# south: 2 of 5 done, two overdue (one in progress, one not started)
		south: plan(south, [("Completed", 2, -60), ("In Progress", 2, -5), ("Not Started", 1, -1)]),
		# north works: nothing done
		north_works: plan(north_works, [("Not Started", 1, 40), ("Not Started", 1, 50)]),
	}
	yield frappe._dict(parent=parent, north=north, south=south, north_works=north_works, plans=plans, tag=tag)
	frappe.db.rollback()


@pytest.fixture
def undo(group):
	frappe.db.savepoint("ds_plan")
	yield
	frappe.db.rollback(save_point="ds_plan")
	frappe.set_user("Administrator")


def rows_by_company(company_name):
	_columns, rows, *_rest = group_progress({"company": company_name})
	return {r["company"]: r for r in rows}


def figures(row):
	return (row["milestones"], row["completed"], row["overdue"], row["progress"])


def test_a_plans_progress_is_its_completed_share_of_weight(group):
	south = frappe.get_doc("Dual System Construction Plan", group.plans[group.south].name)
	assert (south.progress, south.milestones_total, south.milestones_completed, south.status) == (
		40.0,
		3,
		1,
		"In Progress",
	)


def test_the_group_view_adds_up_the_subsidiaries(group):
	rows = rows_by_company(group.parent)
	assert figures(rows[group.south]) == (3, 1, 2, 40.0)
	assert figures(rows[group.north_works]) == (2, 0, 0, 0.0)
	# north is itself a group: its own plan and its subsidiary's, weighted: 3 of 6
	assert figures(rows[group.north]) == (4, 1, 0, 50.0)
	# the whole group: 1 + 3 + 2 + 0 done of 2 + 4 + 5 + 2 weight = 6 of 13
	assert figures(rows[group.parent]) == (9, 3, 2, 46.2)
	assert rows[group.parent]["companies"] == 4


def test_the_group_view_is_a_tree_of_the_companies(group):
	_columns, rows, *_rest = group_progress({"company": group.parent})
	assert [(r["company"], r["indent"]) for r in rows] == [
		(group.parent, 0),
		(group.north, 1),
		(group.north_works, 2),
		(group.south, 1),
	]


def test_a_subsidiary_sees_its_own_branch_only(group):
	rows = rows_by_company(group.north)
	assert set(rows) == {group.north, group.north_works}
	assert figures(rows[group.north]) == (4, 1, 0, 50.0)


def test_a_user_held_to_one_subsidiary_sees_only_its_plan(group, undo):
	from ds_testkit import make_user

	user = make_user(roles=["Safety Manager"])
	frappe.get_doc(
		{"doctype": "User Permission", "user": user, "allow": "Company", "for_value": group.south}
	).insert(ignore_permissions=True)
	frappe.set_user(user)
	rows = rows_by_company(group.parent)
	assert figures(rows[group.parent]) == (3, 1, 2, 40.0)
	assert {r for r, row in rows.items() if row["plan"]} == {group.south}


def test_a_user_held_to_the_parent_sees_the_whole_group(group, undo):
	from ds_testkit import make_user

	user = make_user(roles=["Company Principal"])
	frappe.get_doc(
		{"doctype": "User Permission", "user": user, "allow": "Company", "for_value": group.parent}
	).insert(ignore_permissions=True)
	frappe.set_user(user)
	assert figures(rows_by_company(group.parent)[group.parent]) == (9, 3, 2, 46.2)


def test_completing_a_milestone_moves_the_group(group, undo):
	doc = frappe.get_doc("Dual System Construction Plan", group.plans[group.south].name)
	doc.milestones[1].status = "Completed"
	doc.milestones[1].evidence = "Acceptance report"
	doc.save(ignore_permissions=True)
	assert figures(rows_by_company(group.parent)[group.parent]) == (9, 4, 1, 61.5)


def test_a_completed_milestone_needs_evidence(group, undo):
	doc = frappe.get_doc("Dual System Construction Plan", group.plans[group.north_works].name)
	doc.milestones[0].status = "Completed"
	with pytest.raises(ConstructionPlanError, match="evidence"):
		doc.save(ignore_permissions=True)


def test_one_active_plan_per_company(group, undo):
	with pytest.raises(ConstructionPlanError, match="already has an active construction plan"):
		plan(group.south, [("Not Started", 1, 10)])
	assert plan(group.south, [("Not Started", 1, 10)], is_active=0).name


def test_the_leading_group_has_one_leader_and_members_of_the_group(group, undo):
	leader = make_employee("Leader", group.parent, create_user_permission=0)
	deputy = make_employee("Deputy", group.south, create_user_permission=0)
	doc = frappe.get_doc(
		{
			"doctype": "Dual System Leading Group",
			"company": group.parent,
			"group_name": "Dual Prevention Mechanism Construction Leading Group",
			"members": [
				{"employee": leader, "group_role": "Leader", "duties": "Leads"},
				{"employee": deputy, "group_role": "Deputy Leader", "duties": "Runs"},
			],
		}
	).insert(ignore_permissions=True)
	assert doc.name == f"LG-G{group.tag}"
	assert doc.members[1].employee_name == frappe.db.get_value("Employee", deputy, "employee_name")
	doc.members[1].group_role = "Leader"
	with pytest.raises(LeadingGroupError, match="exactly one leader"):
		doc.save(ignore_permissions=True)


def test_a_leading_group_member_must_belong_to_the_group(group, undo):
	from ds_testkit import default_company

	outsider = make_employee("Outsider", default_company(), create_user_permission=0)
	with pytest.raises(LeadingGroupError, match="is not an active employee of"):
		frappe.get_doc(
			{
				"doctype": "Dual System Leading Group",
				"company": group.south,
				"group_name": "Leading Group",
				"members": [{"employee": outsider, "group_role": "Leader"}],
			}
		).insert(ignore_permissions=True)


def test_a_company_joining_the_group_joins_the_scope_of_the_groups_users(group, undo):
	from ds_testkit import make_user

	from dual_system.permissions import clear_scope_cache, context

	east = company(f"East {group.tag}", f"E{group.tag}")
	user = make_user(roles=["Safety Manager"])
	frappe.get_doc(
		{"doctype": "User Permission", "user": user, "allow": "Company", "for_value": group.parent}
	).insert(ignore_permissions=True)
	assert east not in context(user).companies
	doc = frappe.get_doc("Company", east)
	doc.parent_company = group.parent
	doc.save(ignore_permissions=True)
	frappe.local.ds_scope_context = {}  # a later request
	try:
		assert east in context(user).companies
	finally:
		frappe.db.rollback(save_point="ds_plan")
		clear_scope_cache()
