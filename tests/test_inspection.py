"""Hidden-danger investigation: plans from risk points and measures, task generation,
missed windows and completing a task (database tests, rolled back)."""

from __future__ import annotations

import frappe
import pytest
from ds_testkit import approve_through_workflow, default_company, lec_row, make_assessment, make_risk_point
from frappe.utils import get_datetime

from dual_system.api import inspection as api
from dual_system.services import inspection
from dual_system.services.inspection import InspectionPlanError, InspectionTaskError

NOW = "2026-12-01 00:30:00"


@pytest.fixture(scope="module")
def plant(org):
	"""A risk point of workshop A with an approved assessment (so live events and
	measures of every category), its responsible person the inspector of team A1."""
	frappe.db.rollback()
	frappe.set_user(org.user("officer"))
	point = make_risk_point(org.dept["a"], responsible_employee=org.employees["inspector_a"])
	assessment = make_assessment(point, [lec_row(3, 6, 7, full=True)])
	approve_through_workflow(assessment.name, org)
	frappe.set_user("Administrator")
	measures = frappe.get_all(
		"Control Measure", {"risk_point": point, "status": "Active"}, ["name", "measure_class"]
	)
	yield frappe._dict(point=point, measures=measures, org=org)
	frappe.db.rollback()
	frappe.set_user("Administrator")


@pytest.fixture
def sp(plant, savepoint):
	return plant


def make_plan(plant, **fields):
	values = {
		"doctype": "Inspection Plan",
		"plan_title": "Patrol",
		"investigation_type": "Routine",
		"company": plant.org.company,
		"department": plant.org.dept["a"],
		"risk_point": plant.point,
		"cycle_interval": 1,
		"cycle_unit": "Day",
		"start_date": "2026-12-01",
		"assignee": plant.org.employees["inspector_a"],
		**fields,
	}
	return frappe.get_doc(values).insert()


def tasks_of(plan):
	return frappe.get_all(
		"Inspection Task",
		{"plan": plan},
		["name", "slot_start", "status", "assignee_user"],
		order_by="slot_start",
	)


# --- plans -------------------------------------------------------------------------------------
def test_one_click_on_a_risk_point_makes_a_plan_with_a_checklist_of_its_measures(sp, as_user):
	as_user(sp.org.user("officer"))
	name = api.create_inspection_plan("Risk Point", sp.point)
	plan = frappe.get_doc("Inspection Plan", name)
	assert sorted(r.control_measure for r in plan.items) == sorted(m.name for m in sp.measures)
	classes = {m.name: m.measure_class for m in sp.measures}
	for row in plan.items:
		assert row.risk_point == sp.point and row.content
		expected = (
			"Basic Management"
			if classes[row.control_measure] in inspection.BASIC_MANAGEMENT_CLASSES
			else "On-site"
		)
		assert row.item_class == expected
	assert plan.assignee == sp.org.employees["inspector_a"] and plan.company == sp.org.company


def test_one_click_on_a_control_measure_makes_a_plan_for_that_measure(sp, as_user):
	as_user(sp.org.user("lead_a"))
	measure = sp.measures[0].name
	plan = frappe.get_doc("Inspection Plan", api.create_inspection_plan("Control Measure", measure))
	assert [r.control_measure for r in plan.items] == [measure]
	assert plan.control_measure == measure and plan.risk_point == sp.point


def test_another_departments_user_cannot_make_a_plan_of_a_risk_point_it_cannot_read(sp, as_user):
	as_user(sp.org.user("lead_b"))
	with pytest.raises(frappe.PermissionError):
		api.create_inspection_plan("Risk Point", sp.point)
	assert frappe.db.count("Inspection Plan", {"risk_point": sp.point}) == 0


@pytest.mark.parametrize(
	"fields",
	[
		{"cycle_interval": 0},
		{"cycle_interval": -2},
		{"cycle_unit": "Hour", "work_start": "16:00:00", "work_end": "08:00:00"},
		{"start_date": "2026-12-10", "end_date": "2026-12-01"},
		{"assignee": None},
		{"baobao_work_type": "Operating", "task_number": 0},
	],
)
def test_bad_plans_are_refused_with_a_translated_reason_and_nothing_is_written(sp, fields):
	before = frappe.db.count("Inspection Plan")
	with pytest.raises(InspectionPlanError):
		make_plan(sp, **fields)
	assert frappe.db.count("Inspection Plan") == before


def test_measures_of_another_company_are_refused(sp):
	other = default_company()
	assert other != sp.org.company
	with pytest.raises(InspectionPlanError, match="another company"):
		make_plan(
			sp,
			risk_point=None,
			items=[{"control_measure": sp.measures[0].name, "content": "x"}],
			company=other,
			department=None,
			assignee=None,
			assignee_role="Inspector",
			assignee_department=None,
		)
	with pytest.raises(InspectionPlanError, match="another company"):
		make_plan(sp, company=other, department=None)


def test_the_bad_input_message_is_chinese_for_a_chinese_user(sp):
	frappe.local.lang = "zh"
	try:
		with pytest.raises(InspectionPlanError) as raised:
			make_plan(sp, cycle_interval=0)
	finally:
		frappe.local.lang = "en"
	assert "cycle interval" not in str(raised.value)


# --- generation --------------------------------------------------------------------------------
def test_generation_makes_one_task_per_slot_with_the_checklist_and_a_todo(sp):
	plan = make_plan(sp, cycle_unit="Hour", cycle_interval=2, work_start="08:00:00", work_end="16:00:00")
	inspection.generate_tasks(NOW, plans=[plan.name], commit=False)
	tasks = tasks_of(plan.name)
	# 7 days (horizon) × 4 slots (08, 10, 12, 14)
	assert len(tasks) == 28
	assert str(tasks[0].slot_start) == "2026-12-01 08:00:00"
	assert {t.assignee_user for t in tasks} == {sp.org.user("inspector_a")}
	task = frappe.get_doc("Inspection Task", tasks[0].name)
	assert len(task.items) == len(plan.items) and task.items[0].content == plan.items[0].content
	todo = frappe.get_all(
		"ToDo", {"reference_type": "Inspection Task", "reference_name": task.name}, ["allocated_to", "status"]
	)
	assert todo == [{"allocated_to": sp.org.user("inspector_a"), "status": "Open"}]


def test_running_generation_again_adds_nothing(sp):
	plan = make_plan(sp)
	inspection.generate_tasks(NOW, plans=[plan.name], commit=False)
	first = tasks_of(plan.name)
	frappe.db.set_value("Inspection Plan", plan.name, "generated_until", None)
	inspection.generate_tasks(NOW, plans=[plan.name], commit=False)
	inspection.generate_tasks(NOW, plans=[plan.name], commit=False)
	assert tasks_of(plan.name) == first and len(first) == 7
	assert (
		frappe.db.count(
			"ToDo", {"reference_type": "Inspection Task", "reference_name": ("like", f"{plan.name}-%")}
		)
		== 7
	)


def test_the_database_refuses_a_second_task_for_the_same_slot(sp):
	plan = make_plan(sp)
	inspection.generate_tasks(NOW, plans=[plan.name], commit=False)
	first = tasks_of(plan.name)[0]
	duplicate = frappe.get_doc(
		{
			"doctype": "Inspection Task",
			"plan": plan.name,
			"slot_start": first.slot_start,
			"window_end": first.slot_start,
		}
	)
	duplicate.name = f"{first.name}-X"
	duplicate.flags.name_set = True
	with pytest.raises((frappe.UniqueValidationError, frappe.DuplicateEntryError)):
		duplicate.db_insert()


def test_working_days_follow_the_companys_holiday_list(sp):
	holiday_list = frappe.get_doc(
		{
			"doctype": "Holiday List",
			"holiday_list_name": f"Inspection {frappe.generate_hash(length=6)}",
			"from_date": "2026-01-01",
			"to_date": "2026-12-31",
			"holidays": [
				{"holiday_date": d, "description": "off"} for d in ("2026-12-05", "2026-12-06", "2026-12-03")
			],
		}
	).insert()
	frappe.db.set_value("Company", sp.org.company, "default_holiday_list", holiday_list.name)
	frappe.clear_document_cache("Company", sp.org.company)
	plan = make_plan(sp, work_day_type="Working Days")
	inspection.generate_tasks(NOW, plans=[plan.name], commit=False)
	days = [str(t.slot_start.date()) for t in tasks_of(plan.name)]
	assert days == ["2026-12-01", "2026-12-02", "2026-12-04", "2026-12-07"]


def test_a_role_within_a_department_is_resolved_when_the_task_is_made(sp):
	plan = make_plan(sp, assignee=None, assignee_role="Inspector", assignee_department=sp.org.dept["a1"])
	inspection.generate_tasks(NOW, plans=[plan.name], commit=False)
	assert {t.assignee_user for t in tasks_of(plan.name)} == {sp.org.user("inspector_a")}


def test_windows_passed_unanswered_become_overdue_then_missed(sp):
	plan = make_plan(sp)
	inspection.generate_tasks(NOW, plans=[plan.name], commit=False)
	inspection.mark_unanswered("2026-12-02 12:00:00", commit=False)
	states = {str(t.slot_start.date()): t.status for t in tasks_of(plan.name)}
	assert states["2026-12-01"] == "Overdue" and states["2026-12-02"] == "Open"
	inspection.mark_unanswered("2026-12-03 00:00:00", commit=False)
	states = {str(t.slot_start.date()): t.status for t in tasks_of(plan.name)}
	assert states["2026-12-01"] == "Missed" and states["2026-12-02"] == "Overdue"
	first = tasks_of(plan.name)[0].name
	assert frappe.db.get_value("ToDo", {"reference_name": first}, "status") == "Cancelled"


# --- completing ------------------------------------------------------------------------------
def generated_task(sp, **fields):
	plan = make_plan(sp, **fields)
	inspection.generate_tasks(NOW, plans=[plan.name], commit=False)
	return frappe.get_doc("Inspection Task", tasks_of(plan.name)[0].name)


def answers(task, defect_note=None, by_idx=None):
	out = []
	for row in task.items:
		result = (by_idx or {}).get(row.idx, "OK")
		out.append({"item": row.name, "result": result, "note": defect_note if result == "Defect" else None})
	return out


def test_only_the_assignee_records_the_results(sp, as_user):
	task = generated_task(sp)
	as_user(sp.org.user("lead_a"))
	with pytest.raises(frappe.PermissionError):
		api.complete_task(task.name, answers(task))
	assert frappe.db.get_value("Inspection Task", task.name, "status") == "Open"


def test_every_item_must_be_answered_and_a_defect_needs_a_note(sp, as_user):
	task = generated_task(sp)
	as_user(sp.org.user("inspector_a"))
	partial = answers(task)[1:]
	with pytest.raises(InspectionTaskError):
		api.complete_task(task.name, partial)
	with pytest.raises(InspectionTaskError):
		api.complete_task(task.name, answers(task, None, {1: "Defect"}))
	with pytest.raises(InspectionTaskError):
		api.complete_task(task.name, [{"item": task.items[0].name, "result": "Maybe"}])
	assert frappe.db.get_value("Inspection Task", task.name, "status") == "Open"


def test_a_clean_task_is_done_once_and_becomes_a_read_only_record(sp, as_user):
	task = generated_task(sp)
	as_user(sp.org.user("inspector_a"))
	result = api.complete_task(task.name, answers(task, by_idx={2: "Not Applicable"}))
	assert result["status"] == "Done" and result["tickets"] == []
	done = frappe.get_doc("Inspection Task", task.name)
	assert done.completed_by == sp.org.user("inspector_a") and done.items[1].result == "Not Applicable"
	with pytest.raises(InspectionTaskError):
		api.complete_task(task.name, answers(task))
	as_user("Administrator")
	done.items[0].note = "changed later"
	with pytest.raises(InspectionTaskError):
		done.save()
	assert frappe.db.get_value("ToDo", {"reference_name": task.name}, "status") == "Closed"


def test_a_missed_task_cannot_be_answered(sp, as_user):
	task = generated_task(sp)
	inspection.mark_unanswered("2026-12-03 00:00:00", commit=False)
	as_user(sp.org.user("inspector_a"))
	with pytest.raises(InspectionTaskError, match="missed"):
		api.complete_task(task.name, answers(task))


hazard_merged = pytest.mark.skipif(
	not hasattr(__import__("dual_system.services.hazard", fromlist=["x"]), "raise_ticket"),
	reason="dual_system.services.hazard.raise_ticket is not merged yet",
)


@hazard_merged
def test_each_defect_raises_one_hazard_ticket_linked_to_the_failed_measure(sp, as_user):
	task = generated_task(sp)
	as_user(sp.org.user("inspector_a"))
	result = api.complete_task(task.name, answers(task, "Seal weeping at flange", {1: "Defect", 3: "Defect"}))
	as_user("Administrator")
	assert len(result["tickets"]) == 2
	done = frappe.get_doc("Inspection Task", task.name)
	assert done.defect_count == 2
	for row in done.items:
		if row.result != "Defect":
			assert not row.hazard_ticket
			continue
		ticket = frappe.get_doc("Hazard Ticket", row.hazard_ticket)
		assert ticket.source == "Failed Control Measure"
		assert (ticket.inspection_task, ticket.inspection_task_item) == (task.name, row.name)
		assert (ticket.control_measure, ticket.risk_point, ticket.risk_event) == (
			row.control_measure,
			row.risk_point,
			row.risk_event,
		)
		assert "Seal weeping at flange" in ticket.description
		assert ticket.finder == sp.org.employees["inspector_a"]
	# a retried completion (or a second raise for the same row) finds the same ticket
	row = next(r for r in done.items if r.result == "Defect")
	assert inspection.raise_defect(done, row) == row.hazard_ticket
	assert frappe.db.count("Hazard Ticket", {"inspection_task": task.name}) == 2


def test_the_on_time_flag_follows_the_window(sp, as_user):
	task = generated_task(sp)
	as_user(sp.org.user("inspector_a"))
	api.complete_task(task.name, answers(task))
	done = frappe.get_doc("Inspection Task", task.name)
	assert done.on_time == int(get_datetime(done.completed_on) <= get_datetime(done.window_end))


def test_my_open_tasks_lists_the_users_own_answerable_tasks_by_risk_point(sp, as_user):
	task = generated_task(sp)
	as_user(sp.org.user("inspector_a"))
	mine = api.my_open_tasks(risk_point=sp.point)
	assert task.name in [t.name for t in mine]
	as_user(sp.org.user("lead_a"))
	assert api.my_open_tasks(risk_point=sp.point) == []


def test_the_investigation_types_of_domain_6_1_are_seeded_with_cycles_per_level():
	routine = frappe.get_doc("Investigation Type", "Routine")
	assert routine.hazard_source_code == 1
	assert routine.default_cycle("Post Level") == (2, "Hour")
	assert routine.default_cycle("Workshop Level") == (1, "Week")
	assert frappe.get_doc("Investigation Type", "Comprehensive").default_cycle("Company Level") == (
		6,
		"Month",
	)
	assert frappe.db.count("Investigation Type") >= 8


@hazard_merged
def test_the_demo_links_an_existing_hidden_danger_to_the_failed_row_behind_it(sp):
	from dual_system.services import hazard
	from dual_system.setup.demo_inspection import _link_existing

	task = generated_task(sp)
	ticket = hazard.raise_ticket(
		{"risk_point": sp.point, "description": "Gas detector in fault", "source": "Routine"},
		ignore_permissions=True,
	)
	assert _link_existing(task, ticket, "Gas detector in fault") == ticket
	done = frappe.get_doc("Inspection Task", task.name)
	assert (done.status, done.defect_count, done.items[0].hazard_ticket) == ("Done", 1, ticket)
	assert frappe.db.get_value("Hazard Ticket", ticket, ["inspection_task", "inspection_task_item"]) == (
		task.name,
		done.items[0].name,
	)
