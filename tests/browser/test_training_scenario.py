"""The training module in the desk, on the training demo: HR opens an employee
and finds the training on the Employee record (and prints the training file); a
safety manager completes a session through its workflow action and sees the
compliance matrix change. Uses the browser harness of tests/browser."""

from __future__ import annotations

from urllib.parse import quote

import frappe
import pytest
from desk_tab import REPORT_SETTLED
from frappe.utils import add_days, getdate, nowdate

from dual_system.setup.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

HR = "hr.manager@demo.example.com"
MANAGER = "safety.manager@demo.example.com"
SESSION = "Safety Training Session"


@pytest.fixture
def planned(demo_site, training_demo):
	"""A planned dual-system session for the HR manager (whose dual-system training is
	missing), attendance marked: ready for the safety manager to complete."""
	frappe.db.rollback()
	frappe.set_user(HR)
	doc = frappe.get_doc(
		{
			"doctype": SESSION,
			"topic": "Dual-system training for the HR department",
			"training_type": "Dual Prevention Mechanism",
			"company": training_demo["companies"]["group"],
			"organiser_department": training_demo["departments"]["supervision"],
			"start_time": f"{add_days(getdate(nowdate()), -1)} 09:00:00",
			"hours": 4,
			"venue": "First-floor conference room",
			"trainer_type": "Employee",
			"trainer_employee": training_demo["people"]["supervisor"]["employee"],
			"attendees": [
				{"employee": training_demo["people"]["hr"]["employee"], "attendance": "Present", "score": 90}
			],
		}
	).insert()
	frappe.set_user("Administrator")
	frappe.db.commit()
	yield doc.name
	frappe.db.rollback()
	session = frappe.get_doc(SESSION, doc.name)
	if session.docstatus == 1:
		session.cancel()
	frappe.delete_doc(SESSION, doc.name, force=True, ignore_permissions=True)
	frappe.db.commit()


def test_hr_opens_an_employee_and_sees_the_training(desk, training_demo):
	employee = training_demo["people"]["lead"]["employee"]
	tab = desk(HR, DEMO_PASSWORD, label="hr.manager")
	tab.goto(f"/app/employee/{employee}")
	assert tab.wait_until(f"() => window.cur_frm && cur_frm.doc.name === {employee!r}", timeout=25)
	# the app's Employee form script (hooks.doctype_js) adds the training file button
	assert tab.wait_until("() => !!cur_frm.custom_buttons[__('Training File')]", timeout=15)
	# the connections are a tab of the Employee form; their counts load once it shows
	connections = tab.page.locator(".form-tabs .nav-link", has_text="Connections")
	if connections.count():
		connections.first.click()
	assert tab.wait_until(
		"() => [...document.querySelectorAll('.form-documents .document-link')].some("
		"(l) => l.dataset.doctype === 'Safety Training Record' && (l.querySelector('.count')?.innerText || '').trim())",
		timeout=25,
	), "the Employee form does not count the safety trainings among its connections"
	count = tab.page.evaluate(
		"() => document.querySelector(\".document-link[data-doctype='Safety Training Record'] .count\")"
		".innerText.trim()"
	)
	expected = frappe.db.count("Safety Training Record", {"employee": employee})
	assert int(count) == expected >= 2  # the 2018 session and this year's refresher
	tab.screenshot("employee-trainings")

	tab.goto(f"/app/query-report/Employee Training History?employee={employee}")
	assert tab.wait_until(REPORT_SETTLED, timeout=25)
	tab.page.wait_for_timeout(1500)  # the chart animates its bars in
	text = tab.page.locator(".report-wrapper").inner_text()
	tab.screenshot("training-file")
	assert "15-09-2018" in text or "2018-09-15" in text or "09-15-2018" in text
	# the report prints as the per-person training file (its .html print format)
	printed = tab.page.evaluate(
		"""() => frappe.render_template(frappe.query_report.report_settings.html_format, {
			original_data: frappe.query_report.data, data: frappe.query_report.data,
			filters: frappe.query_report.get_filter_values(), report: frappe.query_report,
		})"""
	)
	name = frappe.db.get_value("Employee", employee, "employee_name")
	assert "Employee Safety Training File" in printed and name in printed and "Signature" in printed
	tab.page.set_content(printed)
	tab.screenshot("training-file-print")
	assert not tab.page_errors and not tab.dialogs()


def matrix_cell(tab, company: str, employee_name: str) -> str:
	tab.goto(f"/app/query-report/Safety Training Compliance?company={quote(company)}")
	assert tab.wait_until(REPORT_SETTLED, timeout=25)
	tab.page.wait_for_timeout(500)
	return tab.page.evaluate(
		"""(name) => {
			const report = frappe.query_report;
			const row = report.data.find((r) => r.employee_name === name);
			const column = report.columns.find((c) => c.requirement && (c.label || "").startsWith("Dual Prevention"));
			return row ? row[column.fieldname] : null;
		}""",
		employee_name,
	)


def test_a_safety_manager_completes_a_session_and_the_matrix_changes(desk, training_demo, planned):
	company = training_demo["companies"]["group"]
	hr_name = frappe.db.get_value("Employee", training_demo["people"]["hr"]["employee"], "employee_name")
	tab = desk(MANAGER, DEMO_PASSWORD, label="safety.manager")
	assert matrix_cell(tab, company, hr_name) == "Missing"
	tab.screenshot("matrix-before")

	tab.route("Form", SESSION, planned)
	assert tab.wait_until(
		f"() => window.cur_frm && cur_frm.doc.name === {planned!r} && cur_frm.doc.status === 'Planned'"
	)
	tab.page.get_by_role("button", name="Actions").click()
	tab.page.locator(".dropdown-menu.show .dropdown-item", has_text="Complete").first.click()
	confirm = tab.page.locator(".modal.show .btn-primary", has_text="Yes")
	if confirm.count():
		confirm.click()
	assert tab.wait_until(
		"() => cur_frm.doc.status === 'Completed' && cur_frm.doc.docstatus === 1", timeout=25
	)
	tab.screenshot("session-completed")

	cell = matrix_cell(tab, company, hr_name)
	tab.screenshot("matrix-after")
	assert cell.startswith("OK until")
	frappe.db.rollback()
	assert frappe.db.get_value(SESSION, planned, "completed_by") == MANAGER
	assert not tab.page_errors
