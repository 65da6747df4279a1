"""The hidden-danger ledger, KPIs, funds and statutory return on a seeded quarter:
figures equal those counted by hand. Database tests, rolled back."""

import datetime

import frappe
import pytest
from ds_testkit import make_risk_point
from ledger_kit import make_ticket

from dual_system.hazard_governance.report.hidden_danger_kpis import hidden_danger_kpis
from dual_system.hazard_governance.report.hidden_danger_ledger import hidden_danger_ledger
from dual_system.hazard_governance.report.hidden_danger_statutory_return import (
	hidden_danger_statutory_return,
)
from dual_system.hazard_governance.report.rectification_funds import rectification_funds

Q1 = {"from_date": "2026-01-01", "to_date": "2026-03-31", "as_of": "2026-03-31"}


@pytest.fixture
def quarter(db, org):
	"""Eight tickets of 2026 Q1 in workshop A, its team A1 and workshop B (and two
	rejected, one of Q2): each KPI case once."""
	cost_center = frappe.get_cached_value("Company", org.company, "cost_center")

	def ticket(department, found, status, **kw):
		return make_ticket(
			company=org.company,
			department=org.dept[department],
			owning_department=org.dept[department],
			date_found=f"{found} 09:00:00",
			status=status,
			cost_center=cost_center,
			**kw,
		)

	a_owner, b_owner = org.employees["lead_a"], org.employees["lead_b"]
	made = {
		# A: closed on time, failed measure, 2000
		"a1": ticket(
			"a",
			"2026-01-05",
			"Closed",
			source="Failed Control Measure",
			deadline="2026-01-10",
			closed_on="2026-01-08",
			funds=2000,
			rectification_owner=a_owner,
		),
		# A1: closed late, outside inspection, 3000
		"a2": ticket(
			"a1",
			"2026-01-20",
			"Closed",
			source="Outside Inspection",
			deadline="2026-02-01",
			closed_on="2026-02-11",
			funds=3000,
			rectification_owner=a_owner,
		),
		# A: major, open and overdue, employee report, reported, with plan field empty
		"a3": ticket(
			"a",
			"2026-02-10",
			"Rectifying",
			grade="Major",
			source="Employee Report",
			deadline="2026-03-01",
			funds=30000,
			reported_to_authority=1,
			rectification_owner=a_owner,
		),
		# B: major closed, expert diagnosis, no deadline
		"b1": ticket(
			"b",
			"2026-03-01",
			"Closed",
			grade="Major",
			source="External Expert Diagnosis",
			closed_on="2026-03-21",
			funds=80000,
			rectification_owner=b_owner,
		),
		# B: open, due in April
		"b2": ticket(
			"b",
			"2026-03-20",
			"Assigned",
			source="Routine",
			deadline="2026-04-10",
			rectification_owner=b_owner,
		),
		# rejected and out of the quarter: never counted
		"x1": ticket("a", "2026-02-02", "Invalid", source="Employee Report"),
		"x2": ticket("b", "2026-02-03", "Duplicate"),
		"x3": ticket("a", "2026-04-02", "Registered"),
	}
	return made


def run(report, filters):
	columns, rows, *_rest = report.execute(frappe._dict(filters))
	return columns, rows


def total_row(org, **filters):
	_columns, rows = run(hidden_danger_kpis, {"company": org.company, **Q1, **filters})
	return rows[-1]


def test_kpis_of_the_quarter_equal_the_hand_count(org, quarter):
	total = total_row(org)
	headcount = frappe.db.count("Employee", {"company": org.company, "status": "Active"})
	assert (total["found"], total["closed"], total["rectification_rate"]) == (5, 3, 60.0)
	assert (total["came_due"], total["closed_on_time"], total["on_time_rate"]) == (3, 1, 33.33)
	assert (total["majors_found"], total["majors_closed"], total["majors_open"]) == (2, 1, 1)
	assert total["major_closure_rate"] == 50.0
	assert total["open_overdue"] == 1
	assert total["average_days_to_close"] == round((3 + 22 + 20) / 3, 2)
	assert total["self_found_share"] == 60.0
	assert total["failed_measure_share"] == 20.0
	assert total["employee_reports"] == 1
	assert total["headcount"] == headcount
	assert total["reports_per_head"] == round(1 / headcount, 4)


def test_a_department_takes_its_subtree(org, quarter):
	total = total_row(org, department=org.dept["a"])
	assert (total["found"], total["closed"], total["majors_open"]) == (3, 2, 1)
	assert total_row(org, department=org.dept["a1"])["found"] == 1


def test_kpis_by_department_and_by_owner(org, quarter):
	_columns, rows = run(hidden_danger_kpis, {"company": org.company, **Q1, "group_by": "Department"})
	by = {r["group"]: r for r in rows}
	assert by[org.dept["a"]]["found"] == 2 and by[org.dept["a1"]]["found"] == 1
	assert by[org.dept["b"]]["found"] == 2
	_columns, rows = run(
		hidden_danger_kpis, {"company": org.company, **Q1, "group_by": "Rectification Owner"}
	)
	names = {r["group"]: r["found"] for r in rows}
	lead_a = frappe.db.get_value("Employee", org.employees["lead_a"], "employee_name")
	assert names[lead_a] == 3


def test_kpis_by_period(org, quarter):
	_columns, rows = run(hidden_danger_kpis, {"company": org.company, **Q1, "period": "Month"})
	assert {r["group"]: r["found"] for r in rows[:-1]} == {"2026-01": 2, "2026-02": 1, "2026-03": 2}


def test_the_trend_chart_counts_found_and_closed_by_month(org, quarter):
	from dual_system.services.charts import hazard_trend

	data = hazard_trend(filters={"company": org.company, "to_date": "2026-04-30"})
	assert data["labels"][0] == "2025-05" and data["labels"][-1] == "2026-04"
	found, closed = (d["values"][-4:] for d in data["datasets"])
	assert found == [2, 1, 2, 1]  # rejected tickets are not found hidden dangers
	assert closed == [1, 1, 1, 0]


@pytest.fixture
def repeats(quarter, org):
	"""More Q1 tickets on one risk point, its measure and its event: repeats within and
	across months, tickets found by the point's 包保 persons, one found on the day measured."""
	point = make_risk_point(
		org.dept["a"],
		main_responsible_person=org.employees["principal"],
		technical_responsible_person=org.employees["lead_a"],
		operating_responsible_person=org.employees["lead_a"],
	)

	def ticket(found, finder, **kw):
		return make_ticket(
			company=org.company,
			department=org.dept["a"],
			date_found=found,
			risk_point=point,
			finder=finder,
			rectification_owner=org.employees["lead_a"],
			**kw,
		)

	ticket(
		"2026-01-10 08:00:00",
		org.employees["principal"],
		control_measure="M-x",
		status="Closed",
		closed_on="2026-01-12",
		deadline="2026-01-11",
	)
	ticket("2026-01-10 08:00:00", org.employees["lead_a"], control_measure="M-x", risk_event="E-x")
	ticket("2026-02-14 10:00:00", org.employees["lead_a"], risk_event="E-x", grade="Major")
	ticket("2026-03-02 10:00:00", org.employees["officer"], risk_event="E-y", status="Closed")
	ticket("2026-03-31 23:00:00", None, control_measure="M-x", status="Invalid")
	ticket("2026-03-31 23:00:00", None, risk_event="E-y", source=None)


def python_kpis(org, filters):
	"""The KPIs as the pure functions compute them on the report's rows (the reference)."""
	from dual_system.core.hazard_kpi import kpis, kpis_by, period_key
	from dual_system.services.hazard_ledger import as_ticket, baobao_types, headcount, ticket_rows

	filters = frappe._dict({"company": org.company, **Q1, **filters})
	as_of, start, end = (datetime.date.fromisoformat(filters[k]) for k in ("as_of", "from_date", "to_date"))
	rows = ticket_rows(filters)
	by_name = {r.name: r for r in rows}
	group_by = filters.get("group_by") or "Period"
	keys = {
		"Period": lambda t: [period_key(t.date_found, filters.get("period") or "Quarter")],
		"Department": lambda t: [by_name[t.name].department or ""],
		"Rectification Owner": lambda t: [by_name[t.name].owner_name or ""],
		"包保 Type": lambda t: baobao_types(by_name[t.name]),
	}
	headcounts = {}
	if group_by == "Department":
		headcounts = {r.department: headcount(org.company, [r.department]) for r in rows}
	tickets = [as_ticket(r) for r in rows]
	groups = kpis_by(tickets, keys[group_by], as_of, start, end, headcounts)
	departments = None
	if filters.get("department"):
		from dual_system.services.registers import department_subtree

		departments = department_subtree(filters.department)
	return list(groups.items()), kpis(tickets, as_of, start, end, headcount(org.company, departments))


@pytest.mark.parametrize(
	"filters",
	[
		{},
		{"period": "Month"},
		{"period": "Year"},
		{"period": "Month", "as_of": "2026-02-14"},
		{"group_by": "Department"},
		{"group_by": "Rectification Owner"},
		{"group_by": "包保 Type"},
		{"group_by": "包保 Type", "department": "a"},
		{"department": "a", "period": "Month"},
	],
)
def test_kpis_in_sql_equal_the_pure_functions(org, repeats, filters):
	"""The report aggregates in SQL; the pure functions of core.hazard_kpi on the same rows
	give the same groups and figures (repeats, 包保 types in several groups included)."""
	from dual_system.services.hazard_ledger import kpi_groups

	if "department" in filters:
		filters = {**filters, "department": org.dept[filters["department"]]}
	full = frappe._dict({"company": org.company, **Q1, **filters})
	groups, total = kpi_groups(full)
	expected_groups, expected_total = python_kpis(org, filters)
	assert groups == expected_groups
	assert total == expected_total
	assert total.found > 0 and (total.repeats > 0 or full.as_of < "2026-03-01")


def test_ledger_lists_the_quarter_with_every_column(org, quarter):
	columns, rows = run(hidden_danger_ledger, {"company": org.company, **Q1})
	names = {r["name"] for r in rows}
	assert names == {quarter[k] for k in ("a1", "a2", "a3", "b1", "b2", "x1", "x2")}
	fields = {c["fieldname"] for c in columns}
	for field in (
		"date_found",
		"source",
		"hazard_type",
		"finder_name",
		"risk_point",
		"location",
		"measure_description",
		"description",
		"basis",
		"item_class",
		"accident_type_name",
		"grade",
		"internal_level",
		"handling",
		"rectification_measures",
		"contingency_measures",
		"owning_department",
		"owner_name",
		"deadline",
		"funds",
		"completion_date",
		"acceptor_name",
		"acceptance_date",
		"acceptance_comment",
		"status",
		"photo_before",
		"photo_after",
		"reported",
		"authority_report_date",
		"remarks",
	):
		assert field in fields
	_columns, majors = run(hidden_danger_ledger, {"company": org.company, **Q1, "grade": "Major"})
	assert {r["name"] for r in majors} == {quarter["a3"], quarter["b1"]}
	_columns, closed = run(
		hidden_danger_ledger, {"company": org.company, **Q1, "status": "Closed", "department": org.dept["a"]}
	)
	assert {r["name"] for r in closed} == {quarter["a1"], quarter["a2"]}


def test_an_anonymous_report_shows_no_finder(org, db):
	name = make_ticket(
		company=org.company,
		department=org.dept["a"],
		is_anonymous=1,
		finder=org.employees["employee_a"],
		date_found="2026-02-01 10:00:00",
	)
	_columns, rows = run(hidden_danger_ledger, {"company": org.company, **Q1})
	row = next(r for r in rows if r["name"] == name)
	employee_name = frappe.db.get_value("Employee", org.employees["employee_a"], "employee_name")
	assert row["finder_name"] != employee_name


def test_funds_by_cost_centre_and_quarter_against_the_budget(org, quarter):
	cost_center = frappe.get_cached_value("Company", org.company, "cost_center")
	budget = make_budget(org.company, cost_center, 200000)
	_columns, rows = run(rectification_funds, {"company": org.company, **Q1})
	row = next(r for r in rows if r["cost_center"] == cost_center)
	assert (row["period"], row["tickets"], row["funds"]) == ("2026-Q1", 5, 115000)
	if budget:
		assert row["budget"] == 200000
		assert row["budget_share"] == 57.5


def make_budget(company, cost_center, amount):
	"""A submitted ERPNext Budget of the 2026 fiscal year on an expense account; None when
	the site has no fiscal year for 2026."""
	fiscal_year = frappe.get_all(
		"Fiscal Year",
		{
			"year_start_date": ("<=", datetime.date(2026, 2, 1)),
			"year_end_date": (">=", datetime.date(2026, 2, 1)),
		},
		pluck="name",
	)
	if not fiscal_year:
		fy = frappe.get_doc(
			{
				"doctype": "Fiscal Year",
				"year": "2026",
				"year_start_date": "2026-01-01",
				"year_end_date": "2026-12-31",
			}
		).insert(ignore_permissions=True)
		fiscal_year = [fy.name]
	account = frappe.db.get_value(
		"Account", {"company": company, "root_type": "Expense", "is_group": 0}, "name"
	)
	if not account:
		return None
	budget = frappe.get_doc(
		{
			"doctype": "Budget",
			"budget_against": "Cost Center",
			"company": company,
			"cost_center": cost_center,
			"fiscal_year": fiscal_year[0],
			"accounts": [{"account": account, "budget_amount": amount}],
		}
	)
	budget.insert(ignore_permissions=True)
	budget.submit()
	return budget.name


def test_statutory_return_of_the_quarter(org, quarter):
	_columns, rows = run(
		hidden_danger_statutory_return,
		{"company": org.company, "year": 2026, "quarter": "1", "signer": "Zhao Gang"},
	)
	figures = {r["key"]: r["value"] for r in rows if r.get("key")}
	assert figures == {
		"found": 5,
		"general": 3,
		"major": 2,
		"rectified": 3,
		"rectification_rate": 60.0,
		"majors_rectified": 1,
		"majors_open": 1,
		"majors_with_plan": 0,
		"majors_reported": 1,
		"funds": 115000,
	}
	assert rows[-1]["value"] == "Zhao Gang"
	assert "15" in rows[-2]["value"]  # due by 15 April


def test_annual_return_counts_the_whole_year(org, quarter):
	_columns, rows = run(hidden_danger_statutory_return, {"company": org.company, "year": 2026})
	figures = {r["key"]: r["value"] for r in rows if r.get("key")}
	others = frappe.db.count(  # tickets of the test company that other tests keep (e.g. today's)
		"Hazard Ticket",
		{
			"company": org.company,
			"date_found": ("between", ["2026-01-01", "2026-12-31 23:59:59"]),
			"name": ("not in", list(quarter.values())),
			"status": ("not in", ["Invalid", "Duplicate"]),
		},
	)
	assert figures["found"] == 6 + others  # the April ticket too


def test_the_rectification_notice_prints_the_five_implementations_with_a_qr(org, db):
	from frappe.utils import get_url_to_form

	from dual_system.services.notice import get_rectification_notice_context

	name = make_ticket(
		company=org.company,
		department=org.dept["a"],
		owning_department=org.dept["a"],
		rectification_owner=org.employees["lead_a"],
		rectification_measures="Replace the gasket",
		contingency_measures="Gas checks every 2 h",
		funds=5000,
		deadline="2026-03-10",
		status="Assigned",
	)
	html = frappe.get_print("Hazard Ticket", name, "Rectification Notice")
	assert 'class="ds-notice-qr-code" src="data:image/png;base64,' in html
	for text in ("Replace the gasket", "Gas checks every 2 h", "Rectification Notice"):
		assert text in html
	assert get_rectification_notice_context(name).qr.url == get_url_to_form("Hazard Ticket", name)
	frappe.local.lang = "zh"
	try:
		assert "隐患整改通知单" in frappe.get_print("Hazard Ticket", name, "Rectification Notice")
	finally:
		frappe.local.lang = "en"
