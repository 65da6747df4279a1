"""The safety officer opens a new Inspection Plan in the desk: choosing the investigation
type and organisational level fills the cycle from the type's default, and choosing one
department in scope makes the plan that department's (inspection_plan.js). Nothing is saved."""

from __future__ import annotations

import frappe
import pytest

from dual_system.setup.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

OFFICER = "safety.officer@demo.example.com"


def test_a_new_plan_takes_its_cycle_from_the_type_and_its_department_from_the_scope(desk):
	routine = frappe.db.get_value("Investigation Type", {"hazard_source_code": 1})
	seasonal = frappe.db.get_value("Investigation Type", {"hazard_source_code": 4})
	department = frappe.db.get_value("Employee", {"user_id": OFFICER}, "department")
	tab = desk(OFFICER, DEMO_PASSWORD, label="officer-plan-form")
	tab.goto("/app/inspection-plan/new")
	assert tab.wait_until("() => window.cur_frm && cur_frm.doctype === 'Inspection Plan' && cur_frm.is_new()")
	assert tab.page.evaluate("() => [cur_frm.doc.cycle_interval || 0, cur_frm.doc.cycle_unit || '']") == [
		0,
		"",
	]

	tab.page.evaluate(
		"([type]) => { cur_frm.set_value('organisational_level', 'Post Level'); cur_frm.set_value('investigation_type', type); }",
		[routine],
	)
	assert tab.wait_until("() => cur_frm.doc.cycle_interval === 2 && cur_frm.doc.cycle_unit === 'Hour'"), (
		tab.page.evaluate("() => [cur_frm.doc.cycle_interval, cur_frm.doc.cycle_unit]")
	)
	tab.page.evaluate("() => cur_frm.set_value('organisational_level', 'Workshop Level')")
	assert tab.wait_until("() => cur_frm.doc.cycle_interval === 1 && cur_frm.doc.cycle_unit === 'Week'")

	# a type with one default cycle fills the level too
	tab.page.evaluate(
		"([type]) => cur_frm.set_value('organisational_level', '').then(() => cur_frm.set_value('investigation_type', type))",
		[seasonal],
	)
	assert tab.wait_until(
		"() => cur_frm.doc.cycle_interval === 3 && cur_frm.doc.cycle_unit === 'Month'"
		" && cur_frm.doc.organisational_level === 'Company Level'"
	)

	# the user picks one department in the multi-select; saving fills the owning department
	tab.page.evaluate(
		"""async ([dept]) => {
			await cur_frm.set_value('department', '');
			await cur_frm.fields_dict.scope_departments.parse_validate_and_set_in_model(dept);
			await cur_frm.script_manager.trigger('validate');
		}""",
		[department],
	)
	assert tab.wait_until(f"() => cur_frm.doc.department === {department!r}")
	assert tab.page_errors == []
	assert tab.dialogs() == []
