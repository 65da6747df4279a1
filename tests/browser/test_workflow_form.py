"""An administrator reshapes the "Risk Assessment" workflow in the desk, on a freshly
opened Workflow form, and finds every change stored (dual_system/public/js/workflow.js);
a state that writes a status the assessment does not accept is refused at once."""

from __future__ import annotations

import os

import frappe
import pytest

pytestmark = pytest.mark.browser

WORKFLOW = "Risk Assessment"


def stored_workflow() -> frappe._dict:
	frappe.db.rollback()
	frappe.clear_document_cache("Workflow", WORKFLOW)
	return frappe.get_doc("Workflow", WORKFLOW).as_dict()


@pytest.fixture
def workflow_kept(demo_site):
	"""The workflow as it was, put back after the test whatever it changed."""
	before = stored_workflow()
	yield before
	frappe.db.rollback()
	doc = frappe.get_doc("Workflow", WORKFLOW)
	for table in ("states", "transitions"):
		doc.set(table, [])
		for row in before[table]:
			doc.append(table, {k: v for k, v in row.items() if k not in ("name", "parent", "idx")})
	doc.save(ignore_permissions=True)
	frappe.db.commit()


@pytest.fixture
def admin(desk):
	return desk("Administrator", os.environ.get("DS_ADMIN_PASSWORD") or "admin", label="administrator")


def open_fresh_workflow_form(tab):
	tab.goto(f"/app/workflow/{WORKFLOW}")
	tab.page.wait_for_selector(".frappe-control[data-fieldname=transitions] .grid-row[data-idx='1']")
	# the form loads the document type's meta (with the workflow in it) after the workflow:
	# edit only once that has happened, as an administrator who starts reading does
	assert tab.wait_until(
		f"() => window.locals && locals.DocType && locals.DocType[{WORKFLOW!r}] && !frappe.request.ajax_count"
	)


def open_row(tab, table: str, idx: int):
	tab.page.locator(
		f".frappe-control[data-fieldname={table}] .grid-row[data-idx='{idx}'] .btn-open-row"
	).click()
	tab.page.wait_for_selector(".grid-row-open")


def wait_for_model(tab, table: str, idx: int, field: str, value):
	"""The row editor's controls write to the model on change (Data fields debounced): wait for it."""
	assert tab.wait_until(f"() => cur_frm.doc.{table}[{idx - 1}].{field} == {value!r}", timeout=10), (
		f"{table} row {idx}: {field} did not become {value!r}"
	)


def close_row(tab):
	tab.page.keyboard.press("Escape")
	tab.page.wait_for_selector(".grid-row-open", state="detached")


def save(tab):
	assert tab.page.evaluate("() => cur_frm.is_dirty()"), "nothing to save"
	tab.page.keyboard.press("Control+s")
	assert tab.wait_until("() => !cur_frm.is_dirty() || document.querySelector('.modal.show .msgprint')")
	tab.page.wait_for_timeout(300)


def test_row_editor_changes_and_a_deletion_are_saved_on_a_fresh_form(admin, workflow_kept):
	before = workflow_kept
	transition = before.transitions[0]
	dropped = before.transitions[-1]
	open_fresh_workflow_form(admin)

	open_row(admin, "transitions", 1)
	admin.page.locator(".grid-row-open input[data-fieldname=allow_self_approval]").click()
	wait_for_model(admin, "transitions", 1, "allow_self_approval", 0 if transition.allow_self_approval else 1)
	close_row(admin)
	open_row(admin, "states", 1)
	admin.page.locator(".grid-row-open textarea[data-fieldname=message]").fill("Checked by the desk test")
	admin.page.keyboard.press("Tab")
	wait_for_model(admin, "states", 1, "message", "Checked by the desk test")
	close_row(admin)
	open_row(admin, "transitions", len(before.transitions))
	admin.page.locator(".grid-row-open .grid-delete-row").click()
	admin.page.wait_for_selector(".grid-row-open", state="detached")
	admin.screenshot("workflow-edited")
	save(admin)
	admin.screenshot("workflow-saved")

	after = stored_workflow()
	assert after.transitions[0].allow_self_approval == (0 if transition.allow_self_approval else 1)
	assert after.states[0].message == "Checked by the desk test"
	assert len(after.transitions) == len(before.transitions) - 1
	assert dropped.name not in {row.name for row in after.transitions}

	admin.page.reload()
	admin.page.wait_for_selector(".frappe-control[data-fieldname=states] .grid-row[data-idx='1']")
	shown = admin.page.evaluate(
		"() => [cur_frm.doc.states[0].message, cur_frm.doc.transitions.length, cur_frm.is_dirty()]"
	)
	assert shown == ["Checked by the desk test", len(before.transitions) - 1, False]
	assert admin.dialogs() == []
	assert admin.page_errors == []


def test_a_state_writing_an_unknown_status_is_refused_when_saved(admin, workflow_kept):
	before = workflow_kept
	idx = next(row.idx for row in before.states if row.update_value == "Pending Approval")
	open_fresh_workflow_form(admin)
	open_row(admin, "states", idx)
	admin.page.locator(".grid-row-open input[data-fieldname=update_value]").fill("Aproved")
	admin.page.keyboard.press("Tab")
	wait_for_model(admin, "states", idx, "update_value", "Aproved")
	close_row(admin)
	save(admin)
	dialogs = admin.dialogs()
	admin.screenshot("workflow-wrong-status")
	assert any("Draft, Pending Review, Pending Approval, Approved" in text for text in dialogs), dialogs
	assert [row.update_value for row in stored_workflow().states] == [
		row.update_value for row in before.states
	]
	assert admin.page_errors == []
