"""Workspace numbers and charts count only what the reader may see."""

import frappe
import pytest
from ds_testkit import make_risk_point

from dual_system.risk_control.dashboard_chart_source.control_levels import control_levels
from dual_system.risk_control.dashboard_chart_source.risk_levels import risk_levels

pytestmark = pytest.mark.usefixtures("db")


def add_event(point, level, control):
	event = frappe.get_doc(
		{
			"doctype": "Risk Event",
			"risk_point": point,
			"hazard": "Hazard",
			"accident_type": "GB6441-1986-08",
			"risk_level": level,
			"computed_level": level,
			"control_level": control,
			"status": "Active",
		}
	)
	event.flags.from_assessment = True
	event.insert(ignore_permissions=True)


@pytest.fixture
def events(org):
	frappe.set_user(org.user("officer"))
	a = make_risk_point(org.dept["a"])
	b = make_risk_point(org.dept["b"])
	frappe.set_user("Administrator")
	add_event(a, "Major", "Company Level")
	add_event(a, "Low", "Post Level")
	add_event(b, "Major", "Company Level")
	add_event(b, "General", "Team Level")
	return {"a": a, "b": b}


def counts(chart, company):
	data = chart.get(filters={"company": company})
	return dict(zip(data["labels"], data["datasets"][0]["values"], strict=True))


def test_risk_level_chart_lists_every_level_in_order(org, events):
	frappe.set_user(org.user("manager"))
	data = risk_levels.get(filters={"company": org.company})
	assert data["labels"] == ["Major", "Significant", "General", "Low"]


def test_risk_level_chart_counts_only_the_readers_scope(org, events):
	frappe.set_user(org.user("manager"))
	everything = counts(risk_levels, org.company)
	frappe.set_user(org.user("lead_a"))
	scoped = counts(risk_levels, org.company)
	assert everything["Major"] - scoped["Major"] == 1
	assert everything["General"] - scoped["General"] == 1
	assert everything["Low"] == scoped["Low"]  # A's low risk is in both


def test_control_level_chart_in_chinese(org, events):
	frappe.set_user(org.user("manager"))
	frappe.local.lang = "zh"
	try:
		data = control_levels.get(filters={"company": org.company})
	finally:
		frappe.local.lang = "en"
	assert data["labels"] == ["公司级", "车间级", "班组级", "岗位级"]


def test_number_card_counts_only_the_readers_scope(org, events):
	from frappe.desk.doctype.number_card.number_card import get_result

	card = frappe.get_doc("Number Card", "Major Risks")
	frappe.set_user(org.user("manager"))
	everything = get_result(card, filters=card.filters_json)
	frappe.set_user(org.user("lead_a"))
	assert get_result(card, filters=card.filters_json) == everything - 1
