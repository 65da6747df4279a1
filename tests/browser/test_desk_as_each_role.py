"""Each person of the demo plant logs into the desk and opens what their work needs:
the Dual Prevention workspace, both registers, the four-colour map, a risk point,
an assessment and the risk notification card. A page fails on an uncaught JavaScript
error, an error dialog or red alert, a number card or chart stuck on "Loading...", and
a register without rows for someone who should see some; a page the role may not
open must be refused, not broken."""

from __future__ import annotations

import frappe
import pytest
from desk_tab import CARDS_LOADED, REPORT_SETTLED, WORKSPACE_CARDS, WORKSPACE_CHARTS, WORKSPACE_STATE

from dual_system.setup.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

# Frappe's own messages, looked up in the user's language (not an app string to extract)
translate = frappe._

REGISTERS = {"risk-register": "Risk Register", "risk-point-register": "Risk Point Register"}

# login → (risk point in the person's scope, may open the registers, may read assessments)
PEOPLE = {
	"safety.officer@demo.example.com": ("RP-01", True, True),
	"production.lead@demo.example.com": ("RP-01", True, True),
	"safety.manager@demo.example.com": ("RP-02", True, True),
	"principal@demo.example.com": ("RP-01", True, True),
	"chief.engineer@demo.example.com": ("RP-01", True, True),
	"tankfarm.shift@demo.example.com": ("RP-03", True, True),
	"press.operator@demo.example.com": ("RP-04", False, False),
}


def current_assessment(point: str) -> str:
	frappe.db.rollback()
	return frappe.db.get_value("Risk Assessment", {"risk_point": point, "docstatus": 1, "is_current": 1})


def visit_workspace(tab, problems):
	tab.step = "workspace"
	tab.goto("/app/dual-prevention")
	settled = tab.wait_until(CARDS_LOADED, timeout=25)
	tab.page.wait_for_timeout(1000)  # charts animate their bars in
	state = tab.page.evaluate(WORKSPACE_STATE)
	tab.screenshot("workspace")
	if len(state["cards"]) < WORKSPACE_CARDS:
		problems.append(f"workspace: {len(state['cards'])} number cards of {WORKSPACE_CARDS}")
	if len(state["charts"]) < WORKSPACE_CHARTS:
		problems.append(f"workspace: {len(state['charts'])} charts of {WORKSPACE_CHARTS}")
	for card in state["cards"]:
		if card["number"] is None or not any(ch.isdigit() for ch in card["number"]):
			problems.append(f"workspace: number card {card['title']!r} shows no number")
	for chart in state["charts"]:
		if chart["loading"] or (not settled and not chart["drawn"]):
			problems.append(f"workspace: chart {chart['title']!r} never leaves Loading...")


def visit_register(tab, slug, report, may_open, problems):
	tab.step = report
	errors_before = len(tab.page_errors)
	tab.route("query-report", report)
	tab.wait_until(REPORT_SETTLED, timeout=25)
	tab.page.wait_for_timeout(300)
	rows = tab.page.locator(".dt-scrollable .dt-row").count()
	dialogs = tab.dialogs()
	tab.screenshot(slug)
	tab.close_dialogs()
	if may_open:
		problems += [f"{report}: error dialog {text!r}" for text in dialogs]
		if not rows:
			problems.append(f"{report}: no rows")
		return
	refusal = translate("You don't have access to Report: {0}").format(report)
	if rows or not any(refusal in text for text in dialogs):
		problems.append(f"{report}: expected the refusal {refusal!r}, saw {rows} rows and {dialogs}")
	# Frappe's report page throws (an undefined value) when the report is refused: part of the refusal
	del tab.page_errors[errors_before:]


def visit_map(tab, problems):
	tab.step = "risk map"
	tab.route("risk-map")
	if not tab.wait_until("() => document.querySelector('.ds-rm-chip')", timeout=20):
		problems.append("risk map: no risk point on the map")
	tab.page.wait_for_timeout(1500)  # the work-activity chart animates its bars in
	tab.screenshot("risk-map")


def visit_form(tab, doctype, name, page_name, problems):
	tab.step = f"{doctype} {name}"
	tab.route("Form", doctype, name)
	loaded = tab.wait_until(
		f"() => window.cur_frm && cur_frm.doc && cur_frm.doc.name === {name!r} && !cur_frm.doc.__islocal"
		" && document.querySelector('.form-layout')",
		timeout=20,
	)
	tab.page.wait_for_timeout(500)
	tab.screenshot(page_name)
	if not loaded:
		problems.append(f"{doctype} {name}: the form did not open")


def visit_card(tab, point, problems):
	tab.step = "notification card"
	tab.goto(
		f"/printview?doctype=Risk%20Point&name={point}&format=Risk%20Notification%20Card&no_letterhead=1"
	)
	text = tab.page.locator("body").inner_text()
	tab.screenshot("notification-card")
	if point not in text or "Risk Notification Card" not in text:
		problems.append(f"notification card of {point}: not shown ({text[:200]!r})")


@pytest.mark.parametrize("user", list(PEOPLE), ids=[u.split("@")[0] for u in PEOPLE])
def test_each_demo_role_sees_its_desk_pages(desk, user):
	point, may_open_registers, may_read_assessments = PEOPLE[user]
	tab = desk(user, DEMO_PASSWORD)
	problems: list[str] = []
	visit_workspace(tab, problems)
	problems += [f"workspace: error dialog {text!r}" for text in tab.dialogs()]
	for slug, report in REGISTERS.items():
		visit_register(tab, slug, report, may_open_registers, problems)
	visit_map(tab, problems)
	visit_form(tab, "Risk Point", point, "risk-point", problems)
	if may_read_assessments:
		visit_form(tab, "Risk Assessment", current_assessment(point), "risk-assessment", problems)
	problems += [f"desk: error dialog {text!r}" for text in tab.dialogs()]
	visit_card(tab, point, problems)
	problems += [f"notification card: error dialog {text!r}" for text in tab.dialogs()]
	problems += [f"uncaught JavaScript error: {error}" for error in tab.page_errors]
	assert problems == [], f"{user} ({artifacts_hint(tab)}):\n  " + "\n  ".join(problems)


def artifacts_hint(tab) -> str:
	return f"screenshots artifacts/{tab.label}-*.png"
