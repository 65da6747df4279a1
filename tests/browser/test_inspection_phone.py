"""An investigator on a phone: scans the tank farm's notification card QR code (the
/inspect page of RP-01), opens its next patrol task, answers the checklist with one
defect, its note and a photo, and sees the task leave its list; the defect is a hazard
ticket, which the investigator then finds in the hidden-danger ledger in the desk. Uses
the browser harness of tests/browser."""

from __future__ import annotations

import base64
import os

import frappe
import pytest
from desk_tab import REPORT_SETTLED, artifacts_dir
from ledger_kit import purge_tickets

from dual_system.setup.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

SHIFT = "tankfarm.shift@demo.example.com"
# a 1×1 PNG, as the phone's camera would hand over a photo
PNG = base64.b64decode(
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
DEFECT_NOTE = "Breathing apparatus cabinet seal broken"


@pytest.fixture
def patrol_task(demo_site, inspection_demo):
	frappe.db.rollback()
	task = frappe.get_all(
		"Inspection Task",
		{"risk_point": "RP-01", "status": "Open", "assignee_user": SHIFT},
		pluck="name",
		order_by="slot_start asc",
		limit=1,
	)[0]
	yield task
	frappe.db.rollback()
	purge_tickets(frappe.get_all("Hazard Ticket", {"inspection_task": task}, pluck="name"))
	frappe.db.sql(
		"update `tabInspection Task` set status='Open', completed_on=null, completed_by=null, on_time=0 where name=%s",
		task,
	)
	frappe.db.sql(
		"update `tabInspection Task Item` set result=null, note=null, photo=null, hazard_ticket=null"
		" where parent=%s",
		task,
	)
	frappe.db.delete("File", {"attached_to_doctype": "Inspection Task", "attached_to_name": task})
	frappe.db.sql("update `tabToDo` set status='Open' where reference_name=%s", task)
	frappe.db.commit()


def test_an_investigator_answers_the_patrol_from_a_phone(browser, desk, demo_site, patrol_task):
	context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
	page = context.new_page()
	page.set_default_timeout(30_000)
	errors = []
	page.on("pageerror", lambda e: errors.append(str(e)))
	try:
		response = page.request.post(
			f"{demo_site.url}/api/method/login", form={"usr": SHIFT, "pwd": DEMO_PASSWORD}
		)
		assert response.status == 200
		page.goto(f"{demo_site.url}/inspect?risk_point=RP-01")
		page.locator(f'a.ds-task[href*="{patrol_task}"]').click()
		page.wait_for_selector("#ds-inspect-form")
		page.screenshot(path=os.path.join(artifacts_dir(), "inspect-phone-checklist.png"), full_page=True)
		items = page.locator(".ds-item")
		for i in range(items.count()):
			item = items.nth(i)
			item.locator('input[value="OK"]').check()
		# a defect without a note is refused with a readable reason, and nothing is recorded
		items.nth(0).locator('input[value="Defect"]').check()
		page.locator('#ds-inspect-form button[type="submit"]').click()
		page.wait_for_function("document.getElementById('ds-inspect-error').textContent.length > 0")
		frappe.db.rollback()
		assert frappe.db.get_value("Inspection Task", patrol_task, "status") == "Open"
		# the defect with its note and a photo from the camera
		items.nth(0).locator("textarea").fill(DEFECT_NOTE)
		items.nth(0).locator('input[type="file"]').set_input_files(
			files=[{"name": "cabinet.png", "mimeType": "image/png", "buffer": PNG}]
		)
		page.screenshot(path=os.path.join(artifacts_dir(), "inspect-phone-defect.png"), full_page=True)
		page.locator('#ds-inspect-form button[type="submit"]').click()
		page.wait_for_function(
			"location.search.includes('done=') || document.getElementById('ds-inspect-error')?.textContent"
		)
		assert "done=" in page.url, page.locator("#ds-inspect-error").inner_text()
		page.wait_for_load_state()
		page.screenshot(path=os.path.join(artifacts_dir(), "inspect-phone-done.png"), full_page=True)
		frappe.db.rollback()
		assert frappe.db.get_value("Inspection Task", patrol_task, "status") == "Done"
		assert patrol_task not in page.content()
		assert errors == []
	finally:
		context.close()

	tickets = frappe.get_all(
		"Hazard Ticket",
		{"inspection_task": patrol_task},
		["name", "source", "risk_point", "control_measure", "photo_before", "description"],
	)
	assert len(tickets) == 1, tickets
	ticket = tickets[0]
	assert (ticket.source, ticket.risk_point) == ("Failed Control Measure", "RP-01")
	assert ticket.control_measure and ticket.photo_before and DEFECT_NOTE in ticket.description

	# the investigator (an Inspector of the methanol workshop) finds it in the ledger
	tab = desk(SHIFT, DEMO_PASSWORD, label="tankfarm.shift")
	tab.goto("/app/query-report/Hidden-Danger Ledger")
	assert tab.wait_until(REPORT_SETTLED, timeout=30)
	assert tab.wait_until(
		f"() => (frappe.query_report.data || []).some((r) => r.name === {ticket.name!r})", timeout=20
	), "the ledger does not show the defect's hazard ticket"
	assert tab.wait_until("() => document.querySelector('.dt-scrollable .dt-row')", timeout=20)
	tab.screenshot("hidden-danger-ledger-inspection")
	assert not tab.page_errors and not tab.dialogs()
