"""What keeps the risk module fast at group scale, asserted so a later change cannot
silently lose it (the figures themselves are in docs/benchmarks.md): the scoped
list, count, register and map queries can be served by indexes, and one approval
takes a bounded number of SQL statements. Timings are not tested here."""

from __future__ import annotations

import frappe
import pytest
from ds_testkit import act, lec_row, make_assessment, make_risk_point

from dual_system.benchmarks.risk import statement_counter

pytestmark = pytest.mark.usefixtures("db")


def plan(doctype: str, user: str, fields=("count(*) as n",), **filters) -> list[dict]:
	frappe.set_user(user)
	try:
		query = frappe.get_list(doctype, filters=filters, fields=list(fields), run=0)
	finally:
		frappe.set_user("Administrator")
	return frappe.db.sql(f"explain {query}", as_dict=True)


def index_names(row) -> set[str]:
	"""The indexed fields a plan row may use (Frappe names a field's index ``<field>_index``,
	or after the field itself when the table is created with it)."""
	return {k.removesuffix("_index") for k in (row["possible_keys"] or "").split(",") if k}


def keys_of(rows, table) -> set[str]:
	return {k for row in rows if row["table"] == table for k in index_names(row)}


def test_a_leads_risk_point_list_can_be_served_by_the_scope_indexes(org):
	rows = plan("Risk Point", org.user("lead_a"), company=org.company)
	assert {
		"department",
		"responsible_employee",
		"main_responsible_person",
		"technical_responsible_person",
		"operating_responsible_person",
	} <= keys_of(rows, "tabRisk Point")


@pytest.mark.parametrize(
	"doctype,link",
	[("Risk Event", "risk_point"), ("Risk Assessment", "risk_point"), ("Control Measure", "risk_event")],
)
def test_records_that_follow_a_point_are_found_through_its_index(org, doctype, link):
	"""The scope subquery of a lead reaches the followed record by its indexed link."""
	rows = plan(doctype, org.user("lead_a"), company=org.company)
	tables = {row["table"] for row in rows}
	assert any(t.startswith("ds_scope_") for t in tables)
	scope_keys = {k for row in rows if row["table"].startswith("ds_scope_") for k in index_names(row)}
	assert "department" in scope_keys
	assert "company" in keys_of(rows, f"tab{doctype}")


def test_the_register_reads_events_by_company_and_measures_by_event(org):
	events = plan("Risk Event", org.user("manager"), fields=("name",), company=org.company, status="Active")
	assert "company" in keys_of(events, "tabRisk Event")
	measures = plan(
		"Control Measure",
		org.user("manager"),
		fields=("risk_event", "count(*) as n"),
		risk_event=("in", ["RE-1", "RE-2"]),
	)
	assert "risk_event" in keys_of(measures, "tabControl Measure")


def test_the_map_reads_points_by_company(org):
	rows = plan("Risk Point", org.user("manager"), fields=("name", "current_risk_level"), company=org.company)
	assert "company" in keys_of(rows, "tabRisk Point")


def reviewed_three_row_assessment(org) -> tuple[str, str]:
	"""A new point with a 3-row assessment (measures of every category) awaiting approval."""
	frappe.set_user(org.user("officer"))
	point = make_risk_point(org.dept["a"], responsible_employee=org.employees["officer"])
	doc = make_assessment(point, [lec_row(1, 6, 15, full=True) for _ in range(3)])
	act(doc.name, "Submit for Review", org.user("officer"))
	act(doc.name, "Review", org.user("lead_a"))
	return point, doc.name


def test_one_approval_of_a_three_row_assessment_takes_at_most_120_statements(org):
	from frappe.model.workflow import apply_workflow

	_point, first = reviewed_three_row_assessment(org)
	act(first, "Approve", org.user("manager"))  # warms the caches a first approval fills
	point, second = reviewed_three_row_assessment(org)
	frappe.set_user(org.user("manager"))
	doc = frappe.get_doc("Risk Assessment", second)
	with statement_counter() as counted:
		apply_workflow(doc, "Approve")
	frappe.set_user("Administrator")
	assert frappe.db.count("Control Measure", {"risk_point": point}) == 21
	assert counted["n"] <= 120, counted["n"]
