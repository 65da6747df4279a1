"""A safety manager whose language is Simplified Chinese reads the desk in Chinese."""

from __future__ import annotations

import frappe
import pytest
from desk_tab import CARDS_LOADED, REPORT_SETTLED

from dual_system.setup.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

USER = "safety.manager@demo.example.com"


@pytest.fixture
def chinese_user(demo_site):
	frappe.db.rollback()
	before = frappe.db.get_value("User", USER, "language")
	frappe.db.set_value("User", USER, "language", "zh")
	frappe.db.commit()
	frappe.clear_cache(user=USER)
	yield USER
	frappe.db.rollback()
	frappe.db.set_value("User", USER, "language", before)
	frappe.db.commit()
	frappe.clear_cache(user=USER)


def test_the_desk_speaks_chinese_to_a_chinese_safety_manager(desk, chinese_user):
	tab = desk(chinese_user, DEMO_PASSWORD, label="safety.manager-zh")
	tab.goto("/app/dual-prevention")
	assert tab.wait_until(CARDS_LOADED, timeout=25), "workspace cards or charts did not load"
	workspace = tab.page.locator("body").inner_text()
	tab.screenshot("workspace")
	assert "双重预防" in workspace
	assert "重大风险" in workspace and "各等级有效风险" in workspace

	tab.route("query-report", "Risk Register")
	tab.wait_until(REPORT_SETTLED, timeout=25)
	assert tab.page.locator(".dt-scrollable .dt-row").count() > 0
	register = tab.page.locator("body").inner_text()
	tab.screenshot("risk-register")
	assert "风险分级管控清单" in register

	tab.goto("/printview?doctype=Risk%20Point&name=RP-01&format=Risk%20Notification%20Card&no_letterhead=1")
	card = tab.page.locator("body").inner_text()
	tab.screenshot("notification-card")
	assert "岗位安全风险告知卡" in card

	assert tab.dialogs() == []
	assert tab.page_errors == []
