"""An investigator on a phone: scans the tank farm's notification card QR code (the
/inspect page of RP-01), opens its next patrol task, answers the checklist and sees the
task leave its list. Uses the browser harness of tests/browser."""

from __future__ import annotations

import os

import frappe
import pytest
from desk_tab import artifacts_dir

from dual_system.setup.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

SHIFT = "tankfarm.shift@demo.example.com"


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
	frappe.db.sql(
		"update `tabInspection Task` set status='Open', completed_on=null, completed_by=null, on_time=0 where name=%s",
		task,
	)
	frappe.db.sql("update `tabInspection Task Item` set result=null, note=null where parent=%s", task)
	frappe.db.sql("update `tabToDo` set status='Open' where reference_name=%s", task)
	frappe.db.commit()


def test_an_investigator_answers_the_patrol_from_a_phone(browser, demo_site, patrol_task):
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
		items.nth(0).locator('input[value="OK"]').check()
		page.locator('#ds-inspect-form button[type="submit"]').click()
		page.wait_for_url("**/inspect?done=*")
		page.screenshot(path=os.path.join(artifacts_dir(), "inspect-phone-done.png"), full_page=True)
		frappe.db.rollback()
		assert frappe.db.get_value("Inspection Task", patrol_task, "status") == "Done"
		assert patrol_task not in page.content()
		assert errors == []
	finally:
		context.close()
