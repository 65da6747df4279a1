"""A hidden danger through the whole closed loop in the browser, on the demo plant.

An employee reports it from a phone through /report-hazard (camera photo, the
risk point of the notification card's QR code); the safety officer registers,
grades and assigns it in the desk; the rectification owner fills 五落实, starts
the rectification, uploads the after-photo and submits it; the safety officer
(not the rectifier) accepts it and it closes; the production safety lead finds
it, closed, in the hidden-danger ledger. Once in English, once with every user
speaking Simplified Chinese. Uses the browser harness of tests/browser."""

from __future__ import annotations

import base64

import frappe
import pytest
from desk_tab import REPORT_SETTLED
from ds_testkit import unique
from frappe.utils import add_days, nowdate
from ledger_kit import purge_tickets

from dual_system.setup.demo import DEMO_PASSWORD
from dual_system.setup.demo_hazard import _owner

pytestmark = pytest.mark.browser

EMPLOYEE = "press.operator@demo.example.com"
OFFICER = "safety.officer@demo.example.com"
LEAD = "production.lead@demo.example.com"
PHONE = {"width": 390, "height": 844}
# a 1×1 PNG, as a camera would hand over a JPEG
PNG = base64.b64decode(
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def photo(name: str) -> dict:
	# handed to the page as bytes: a file on disk may be gone before the page reads it
	return {"name": name, "mimeType": "image/png", "buffer": PNG}


@pytest.fixture
def owner(demo_site):
	"""The maintenance supervisor of the hazard demo (Rectification Owner), committed."""
	frappe.db.rollback()
	person = _owner(demo_site.plant["company"], demo_site.plant["departments"])
	frappe.db.commit()
	return person


@pytest.fixture(params=["en", "zh"])
def language(request, demo_site, owner):
	"""Every user of the scenario speaks ``language`` (restored afterwards)."""
	users = (EMPLOYEE, OFFICER, LEAD, owner["user"])
	frappe.db.rollback()
	before = {user: frappe.db.get_value("User", user, "language") for user in users}
	for user in users:
		frappe.db.set_value("User", user, "language", request.param)
	frappe.db.commit()
	for user in users:
		frappe.clear_cache(user=user)
	yield request.param
	frappe.db.rollback()
	for user, lang in before.items():
		frappe.db.set_value("User", user, "language", lang)
	frappe.db.commit()
	for user in users:
		frappe.clear_cache(user=user)


@pytest.fixture
def reported():
	made = []
	yield made
	frappe.db.rollback()
	purge_tickets(made)


def open_ticket(tab, name: str, status: str):
	tab.goto(f"/app/hazard-ticket/{name}")
	assert tab.wait_until(
		f"() => window.cur_frm && cur_frm.doc.name === {name!r} && cur_frm.doc.status === {status!r}"
		" && !cur_frm.is_dirty()",
		timeout=30,
	), f"{tab.label}: {name} did not open in status {status}"


def fill(tab, **values):
	"""Set fields as the user types them, then save (Ctrl+S); waits until saved."""
	for field, value in values.items():
		tab.page.evaluate("([f, v]) => cur_frm.set_value(f, v)", [field, value])
	tab.page.wait_for_timeout(500)  # Link fields validate their value
	tab.page.keyboard.press("Control+s")
	assert tab.wait_until("() => !cur_frm.is_dirty() && !cur_frm.saving", timeout=25), (
		f"{tab.label}: the form was not saved: {tab.dialogs()}"
	)


def act(tab, action: str, status: str):
	"""Click the workflow action in the form's Actions menu (labels in the user's language)."""
	actions, label = tab.page.evaluate("(a) => [__('Actions'), __(a)]", action)
	tab.page.locator(".page-actions .actions-btn-group > button", has_text=actions).first.click()
	tab.page.locator(".actions-btn-group .dropdown-menu .dropdown-item", has_text=label).first.click()
	confirm = tab.page.locator(".modal.show .btn-primary")
	if tab.wait_until("() => document.querySelector('.modal.show .btn-primary')", timeout=2):
		confirm.first.click()
	assert tab.wait_until(f"() => cur_frm.doc.status === {status!r}", timeout=25), (
		f"{tab.label}: {action} did not lead to {status}: {tab.dialogs()}"
	)


def test_a_hidden_danger_goes_round_the_loop_in_the_browser(desk, demo, owner, language, reported):
	tag = unique("Guard ")
	description = f"{tag} missing on the press feed table"
	company = demo["company"]

	# 1. an employee reports from a phone, with a photo, from the card's QR link of RP-04
	tab = desk(EMPLOYEE, DEMO_PASSWORD, label=f"press.operator-{language}")
	tab.page.set_viewport_size(PHONE)
	tab.goto("/report-hazard?risk_point=RP-04")
	assert tab.wait_until("() => document.querySelector('#ds-report-form')", timeout=25)
	if language == "zh":
		assert "上报隐患" in tab.page.locator("h2").inner_text()
		assert "随手拍" in tab.page.locator(".ds-report").inner_text()  # the instructions too
	assert tab.page.locator("#ds-risk-point").input_value() == "RP-04"
	assert tab.page.locator("#ds-photo").get_attribute("capture") == "environment"
	tab.page.set_input_files("#ds-photo", files=[photo("press.png")])
	assert tab.wait_until("() => document.querySelector('#ds-photo-preview').style.display === 'block'"), (
		f"no preview of the photo: {tab.page.locator('#ds-error').inner_text()}"
	)
	tab.page.fill("#ds-description", description)
	tab.screenshot("report-hazard-phone")
	tab.page.click("#ds-submit")
	assert tab.wait_until("() => document.querySelector('#ds-done').style.display === 'block'", timeout=25)
	tab.screenshot("report-hazard-done")
	assert not tab.page_errors and not tab.dialogs()

	frappe.db.rollback()
	name = frappe.db.get_value("Hazard Ticket", {"description": description}, "name")
	assert name
	reported.append(name)
	assert frappe.db.get_value("Hazard Ticket", name, "photo_before")

	# 2. the safety officer registers, grades and assigns it to the maintenance supervisor
	officer = desk(OFFICER, DEMO_PASSWORD, label=f"safety.officer-{language}")
	open_ticket(officer, name, "Reported")
	act(officer, "Register", "Registered")
	fill(
		officer,
		grade="General",
		internal_level="Workshop",
		handling="By Deadline",
		rectification_owner=owner["employee"],
	)
	act(officer, "Assign", "Assigned")
	officer.screenshot("ticket-assigned")
	assert not officer.page_errors and not officer.dialogs()

	# 3. the owner fills 五落实, rectifies, uploads the after-photo and submits it
	rectifier = desk(owner["user"], DEMO_PASSWORD, label=f"maintenance-{language}")
	open_ticket(rectifier, name, "Assigned")
	fill(
		rectifier,
		rectification_measures="Refit the guard and interlock it with the press",
		funds=1200,
		cost_center=frappe.db.get_value("Company", company, "cost_center"),
		deadline=add_days(nowdate(), 5),
		contingency_measures="Feed table fenced off; two-hand control only",
	)
	act(rectifier, "Start Rectification", "Rectifying")
	# the after-photo through the Attach field's uploader, as on a phone
	rectifier.page.locator('.frappe-control[data-fieldname="photo_after"] button').first.click()
	assert rectifier.wait_until("() => document.querySelector('.modal.show .file-uploader')", timeout=15)
	rectifier.page.locator(".modal.show input[type=file]").set_input_files(files=[photo("guard.png")])
	upload = rectifier.page.evaluate("() => __('Upload')")
	rectifier.page.locator(".modal.show .modal-footer .btn-primary", has_text=upload).click()
	assert rectifier.wait_until("() => !!cur_frm.doc.photo_after", timeout=25), rectifier.dialogs()
	rectifier.page.keyboard.press("Control+s")
	assert rectifier.wait_until("() => !cur_frm.is_dirty()", timeout=25), rectifier.dialogs()
	act(rectifier, "Submit for Acceptance", "Awaiting Acceptance")
	rectifier.screenshot("ticket-rectified")
	assert not rectifier.page_errors and not rectifier.dialogs()

	# 4. the safety officer (not the rectifier) accepts it, and it closes
	open_ticket(officer, name, "Awaiting Acceptance")
	fill(officer, acceptance_comment="Guard refitted, interlock tested")
	act(officer, "Accept", "Closed")
	officer.screenshot("ticket-closed")
	assert not officer.page_errors and not officer.dialogs()
	frappe.db.rollback()
	closed = frappe.db.get_value(
		"Hazard Ticket", name, ["rectified_by", "acceptor", "closed_by", "photo_after"], as_dict=True
	)
	assert closed.rectified_by == owner["user"] and closed.acceptor == OFFICER == closed.closed_by
	assert closed.photo_after

	# 5. the production safety lead finds it, closed, in the ledger
	lead = desk(LEAD, DEMO_PASSWORD, label=f"production.lead-{language}")
	lead.goto("/app/query-report/Hidden-Danger Ledger")
	assert lead.wait_until(REPORT_SETTLED, timeout=30)
	assert lead.wait_until(
		f"() => (frappe.query_report.data || []).some((r) => r.name === {name!r} && r.status_key === 'Closed')",
		timeout=20,
	), "the ledger does not show the hidden danger closed"
	assert lead.wait_until("() => document.querySelector('.dt-scrollable .dt-row')", timeout=20)
	if language == "zh":
		assert "隐患台账" in lead.page.locator("body").inner_text()
	lead.screenshot("hidden-danger-ledger")
	assert not lead.page_errors and not lead.dialogs()
