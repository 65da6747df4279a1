"""The risk register pages its rows and exports all of them, as a real user over HTTP."""

from __future__ import annotations

import io

import pytest
from ds_testkit import HttpSession

from dual_system.setup.demo import DEMO_PASSWORD

MANAGER = "safety.manager@demo.example.com"
LEAD = "production.lead@demo.example.com"


@pytest.fixture(scope="module")
def manager(demo):
	return HttpSession(MANAGER, DEMO_PASSWORD)


def run(session, **filters):
	response = session.call("frappe.desk.query_report.run", report_name="Risk Register", filters=filters)
	assert response.status_code == 200, response.text[:300]
	return response.message


def test_a_page_shows_the_most_severe_rows_and_says_how_many_there_are(manager, demo):
	everything = run(manager, company=demo["company"], limit="All")["result"]
	assert len(everything) >= 9
	page = run(manager, company=demo["company"], limit="3")
	assert [r["name"] for r in page["result"]] == [r["name"] for r in everything[:3]]
	assert [r["level_key"] for r in page["result"]] == ["Major", "Major", "Major"]
	assert (
		page["message"]
		== f"Showing the 3 most severe of {len(everything)} risks. Choose All in Rows, or use Export All, for every row."
	)


def test_the_default_page_holds_the_whole_demo_plant(manager, demo):
	page = run(manager, company=demo["company"])
	assert len(page["result"]) == len(run(manager, company=demo["company"], limit="All")["result"])
	assert not page["message"]


@pytest.mark.parametrize("login", [MANAGER, LEAD])
def test_export_all_writes_every_row_the_reader_may_see(demo, login):
	from openpyxl import load_workbook

	session = HttpSession(login, DEMO_PASSWORD)
	everything = run(session, company=demo["company"], limit="All")["result"]
	response = session.get(
		"/api/method/dual_system.api.registers.export_risk_register",
		{"filters": {"company": demo["company"]}},
	)
	assert response.status_code == 200, response.text[:300]
	sheet = load_workbook(io.BytesIO(response.content)).active
	rows = list(sheet.iter_rows(values_only=True))
	assert rows[0][0] == "Risk Point" and len(rows) - 1 == len(everything)
	assert sorted(r[0] for r in rows[1:]) == sorted(r["risk_point"] for r in everything)


def test_a_plain_employee_may_not_export_the_register(demo):
	session = HttpSession("press.operator@demo.example.com", DEMO_PASSWORD)
	response = session.get("/api/method/dual_system.api.registers.export_risk_register", {"filters": {}})
	assert response.status_code == 403
