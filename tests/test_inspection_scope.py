"""Inspection plans scoped to whole departments, and a new plan's cycle taken from its
investigation type (DOMAIN.md §6.1, §6.2; database tests, rolled back)."""

from __future__ import annotations

import frappe
import pytest
from ds_testkit import (
	approve_through_workflow,
	default_company,
	lec_row,
	make_assessment,
	make_department,
	make_risk_point,
	unique,
)

from dual_system.api import inspection as api
from dual_system.services import inspection
from dual_system.services.inspection import InspectionPlanError


@pytest.fixture(scope="module")
def plant(org):
	"""Approved risk points of workshop A, of its team A1 and of workshop B, each with its
	active control measures (of every category)."""
	frappe.db.rollback()
	points = {}
	for key in ("a", "a1", "b"):
		frappe.set_user(org.user("officer"))
		point = make_risk_point(org.dept[key])
		assessment = make_assessment(point, [lec_row(3, 6, 7, full=True)])
		approve_through_workflow(assessment.name, org, reviewer="lead_b" if key == "b" else "lead_a")
		points[key] = point
	frappe.set_user("Administrator")
	measures = {
		key: set(frappe.get_all("Control Measure", {"risk_point": point, "status": "Active"}, pluck="name"))
		for key, point in points.items()
	}
	assert all(measures.values())
	yield frappe._dict(org=org, points=points, measures=measures)
	frappe.db.rollback()
	frappe.set_user("Administrator")


@pytest.fixture
def sp(plant, savepoint):
	return plant


def type_of(source_code: int) -> str:
	"""The seeded investigation type of a national source code (1 routine, 4 seasonal, 5 key periods)."""
	return frappe.db.get_value("Investigation Type", {"hazard_source_code": source_code})


def department_plan(plant, departments, **fields):
	values = {
		"doctype": "Inspection Plan",
		"plan_title": "Department check",
		"investigation_type": type_of(1),
		"organisational_level": "Workshop Level",
		"company": plant.org.company,
		"scope_departments": [{"department": plant.org.dept[d]} for d in departments],
		"start_date": "2026-12-01",
		"assignee": plant.org.employees["inspector_a"],
		**fields,
	}
	return frappe.get_doc(values).insert()


def measures_of(plan) -> set[str]:
	return {row.control_measure for row in plan.items}


# --- departments in scope ----------------------------------------------------------------------
def test_a_workshop_plan_checks_every_measure_of_the_workshop_and_its_teams(sp):
	plan = department_plan(sp, ["a"])
	assert measures_of(plan) == sp.measures["a"] | sp.measures["a1"]
	assert {row.risk_point for row in plan.items} == {sp.points["a"], sp.points["a1"]}
	# a plan of one department belongs to it: its safety lead reads the plan and its tasks
	assert plan.department == sp.org.dept["a"]
	assert not plan.risk_point and not plan.risk_event and not plan.control_measure


def test_a_team_plan_checks_only_the_team(sp):
	plan = department_plan(sp, ["a1"])
	assert measures_of(plan) == sp.measures["a1"]
	assert plan.department == sp.org.dept["a1"]


def test_a_plan_of_two_workshops_checks_both_and_belongs_to_none_of_them(sp):
	plan = department_plan(sp, ["a", "b"], department=sp.org.dept["safety"])
	assert measures_of(plan) == sp.measures["a"] | sp.measures["a1"] | sp.measures["b"]
	assert plan.department == sp.org.dept["safety"]


def test_the_tasks_of_a_department_plan_carry_its_checklist(sp):
	plan = department_plan(sp, ["a1"], cycle_interval=1, cycle_unit="Day")
	inspection.generate_tasks("2026-12-01 00:30:00", plans=[plan.name], commit=False)
	task = frappe.get_doc(
		"Inspection Task", frappe.get_all("Inspection Task", {"plan": plan.name}, pluck="name")[0]
	)
	assert {row.control_measure for row in task.items} == sp.measures["a1"]
	assert task.department == sp.org.dept["a1"]


def test_a_department_of_another_company_is_refused_and_nothing_is_written(sp):
	other = make_department(f"Elsewhere {unique('')}", default_company())
	before = frappe.db.count("Inspection Plan")
	with pytest.raises(InspectionPlanError, match="another company"):
		department_plan(sp, ["a"], scope_departments=[{"department": other}])
	with pytest.raises(InspectionPlanError, match="another company"):
		department_plan(
			sp, ["a"], scope_departments=[{"department": sp.org.dept["a"]}, {"department": other}]
		)
	assert frappe.db.count("Inspection Plan") == before


def test_the_refusal_is_chinese_for_a_chinese_user(sp):
	other = make_department(f"Elsewhere {unique('')}", default_company())
	frappe.local.lang = "zh"
	try:
		with pytest.raises(InspectionPlanError) as raised:
			department_plan(sp, ["a"], scope_departments=[{"department": other}])
	finally:
		frappe.local.lang = "en"
	assert "another company" not in str(raised.value) and "部门" in str(raised.value)


@pytest.mark.parametrize("narrower", ["risk_point", "control_measure"])
def test_departments_and_a_narrower_scope_together_are_refused(sp, narrower):
	value = sp.points["a"] if narrower == "risk_point" else sorted(sp.measures["a"])[0]
	before = frappe.db.count("Inspection Plan")
	with pytest.raises(InspectionPlanError, match="either"):
		department_plan(sp, ["a"], **{narrower: value})
	assert frappe.db.count("Inspection Plan") == before


def test_a_department_without_risk_points_gives_an_empty_checklist(sp):
	before = frappe.db.count("Inspection Plan")
	with pytest.raises(InspectionPlanError, match="checklist is empty"):
		department_plan(sp, ["safety"])
	assert frappe.db.count("Inspection Plan") == before


@pytest.mark.parametrize("bad", ["No Such Department", ""])
def test_an_unknown_department_is_refused(sp, bad):
	before = frappe.db.count("Inspection Plan")
	with pytest.raises((frappe.ValidationError, frappe.LinkValidationError)):
		department_plan(sp, [], scope_departments=[{"department": bad}])
	assert frappe.db.count("Inspection Plan") == before


def test_a_lead_cannot_scope_a_plan_to_another_departments_risk_points(sp, as_user):
	as_user(sp.org.user("lead_b"))
	before = frappe.db.count("Inspection Plan")
	with pytest.raises(frappe.PermissionError):
		department_plan(sp, ["a"], department=sp.org.dept["b"], assignee=sp.org.employees["lead_b"])
	as_user("Administrator")
	assert frappe.db.count("Inspection Plan") == before


def test_a_lead_scopes_a_plan_to_its_own_department(sp, as_user):
	as_user(sp.org.user("lead_a"))
	# the lead's plan belongs to its department (Frappe checks that before the plan is validated)
	plan = department_plan(sp, ["a"], department=sp.org.dept["a"])
	assert measures_of(plan) == sp.measures["a"] | sp.measures["a1"]


# --- default cycles from the investigation type --------------------------------------------------
@pytest.mark.parametrize(
	"source_code, level, expected",
	[
		(1, "Post Level", (2, "Hour", "Post Level")),
		(1, "Team Level", (12, "Hour", "Team Level")),
		(1, "Workshop Level", (1, "Week", "Workshop Level")),
		(1, "Company Level", (1, "Month", "Company Level")),
		(2, "Company Level", (6, "Month", "Company Level")),
		# the type's only cycle, and its level, when none was chosen
		(4, None, (3, "Month", "Company Level")),
		# no default for the level or the type: one day
		(4, "Team Level", (1, "Day", "Team Level")),
		(5, None, (1, "Day", None)),
		(1, None, (1, "Day", None)),
	],
)
def test_a_new_plan_left_without_a_cycle_takes_the_types_default(sp, source_code, level, expected):
	plan = department_plan(sp, ["a1"], investigation_type=type_of(source_code), organisational_level=level)
	assert (plan.cycle_interval, plan.cycle_unit, plan.organisational_level or None) == expected
	if plan.cycle_unit == "Hour":  # round the clock unless work hours are given
		assert not plan.work_start and not plan.work_end


def test_a_cycle_the_user_chose_is_kept(sp):
	plan = department_plan(sp, ["a1"], organisational_level="Post Level", cycle_interval=3, cycle_unit="Day")
	assert (plan.cycle_interval, plan.cycle_unit) == (3, "Day")


def test_a_saved_plan_keeps_its_cycle_when_its_type_changes(sp):
	plan = department_plan(sp, ["a1"], organisational_level="Post Level")
	plan.investigation_type = type_of(4)
	plan.save()
	assert (plan.cycle_interval, plan.cycle_unit) == (2, "Hour")


def test_a_bad_explicit_cycle_is_still_refused(sp):
	with pytest.raises(InspectionPlanError):
		department_plan(sp, ["a1"], cycle_interval=0, cycle_unit="Day")


def test_the_form_asks_the_server_for_the_default(sp, as_user):
	as_user(sp.org.user("lead_a"))
	assert api.default_cycle(type_of(1), "Post Level") == {
		"organisational_level": "Post Level",
		"cycle_interval": 2,
		"cycle_unit": "Hour",
	}
	assert api.default_cycle(type_of(4)) == {
		"organisational_level": "Company Level",
		"cycle_interval": 3,
		"cycle_unit": "Month",
	}
	assert api.default_cycle(type_of(5), "Company Level") is None
	with pytest.raises(frappe.DoesNotExistError):
		api.default_cycle("No Such Type")


@pytest.mark.parametrize("level, expected", [("Workshop Level", (1, "Week")), ("Post Level", (2, "Hour"))])
def test_one_click_on_a_measure_without_a_cycle_takes_the_routine_default_of_its_level(
	sp, as_user, level, expected
):
	measure = sorted(sp.measures["a"])[0]
	frappe.db.set_value(
		"Control Measure", measure, {"cycle_value": 0, "checker_level": level, "control_level": level}
	)
	as_user(sp.org.user("officer"))
	plan = frappe.get_doc("Inspection Plan", api.create_inspection_plan("Control Measure", measure))
	assert (plan.cycle_interval, plan.cycle_unit, plan.organisational_level) == (*expected, level)


def test_one_click_on_a_measure_with_a_cycle_keeps_it(sp, as_user):
	measure = sorted(sp.measures["a"])[0]
	frappe.db.set_value("Control Measure", measure, {"cycle_value": 3, "cycle_unit": "Day"})
	as_user(sp.org.user("officer"))
	plan = frappe.get_doc("Inspection Plan", api.create_inspection_plan("Control Measure", measure))
	assert (plan.cycle_interval, plan.cycle_unit) == (3, "Day")
