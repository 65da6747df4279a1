"""The registers reproduce DOMAIN.md §9.1 from the demo plant, approved through the workflow."""

import frappe
import pytest

from dual_system.risk_control.report.risk_point_register import risk_point_register
from dual_system.risk_control.report.risk_register import risk_register

# DOMAIN.md §9.1: level and control level of every demo point
EXPECTED = {
	"RP-01": ("Major", "Company Level", "720"),
	"RP-02": ("Significant", "Workshop Level", "240"),
	"RP-03": ("Significant", "Workshop Level", "180"),
	"RP-04": ("General", "Team Level", "126"),
	"RP-05": ("General", "Team Level", "90"),
	"RP-06": ("Low", "Post Level", "24"),
	"RP-07": ("General", "Team Level", "9"),
	"RP-08": ("Major", "Company Level", "400"),
}


pytestmark = pytest.mark.usefixtures("savepoint")


@pytest.fixture(scope="module")
def plant(demo_plant):
	return demo_plant


def run(report, **filters):
	columns, rows = report.execute(frappe._dict(filters))[:2]
	return columns, [r for r in rows if r.get("risk_point") in EXPECTED]


def test_risk_register_reproduces_the_demo_table(plant):
	_columns, rows = run(risk_register)
	by_point = {}
	for row in rows:
		by_point.setdefault(row.risk_point, []).append(row)
	assert sorted(by_point) == sorted(EXPECTED)
	for point, (level, control, score) in EXPECTED.items():
		for row in by_point[point]:
			assert (row.level_key, row.control_level, f"{row.score:g}") == (level, control, score), point


def test_risk_register_columns_follow_domain_5_4(plant):
	columns, rows = run(risk_register, risk_point="RP-01")
	labels = [c["label"] for c in columns if not c.get("hidden")]
	for label in (
		"Risk Point",
		"Hazard or Potential Event",
		"Accident Type",
		"Factor Values",
		"Score",
		"Risk Level",
		"Colour",
		"Forced Major Reason",
		"Engineering Technical Measures",
		"Control Level",
		"Main Responsible Person (包保)",
		"Last Review Date",
	):
		assert label in labels
	fire = next(r for r in rows if r.accident_type == "GB6441-1986-08")
	assert fire.factor_values == "L=3 × E=6 × C=40"
	assert fire.forced_major_reason == "MHI" and fire.colour == "Red"
	assert "Nitrogen blanket" in fire.measures_engineering and "Hourly patrol" in fire.measures_management
	assert fire.main_responsible == "Zhao Gang" and fire.operating_responsible == "Zhou Min"


@pytest.mark.parametrize(
	"filters,points",
	[
		({"risk_level": "Major"}, {"RP-01", "RP-08"}),
		({"control_level": "Workshop Level"}, {"RP-02", "RP-03"}),
		({"risk_point_type": "Work Activity"}, {"RP-03", "RP-07"}),
	],
)
def test_risk_register_filters(plant, filters, points):
	assert {r.risk_point for r in run(risk_register, **filters)[1]} == points


def test_department_filter_includes_sub_departments(plant):
	production = plant["departments"]["production"]
	points = {r.risk_point for r in run(risk_register, department=production)[1]}
	assert points == {"RP-01", "RP-02", "RP-03", "RP-04", "RP-05", "RP-07", "RP-08"}


def test_risk_point_register_reproduces_the_demo_table(plant):
	_columns, rows = run(risk_point_register)
	assert {r.risk_point: (r.level_key, r.control_level) for r in rows} == {
		p: (level, control) for p, (level, control, _score) in EXPECTED.items()
	}
	rp01 = next(r for r in rows if r.risk_point == "RP-01")
	assert rp01.possible_accidents == "Fire, Other Explosion"
	assert "Major hazard installation" in rp01.remarks


def test_registers_export_to_excel(plant):
	from frappe.desk.query_report import export_query

	frappe.local.form_dict = frappe._dict(
		report_name="Risk Register",
		file_format_type="Excel",
		filters={},
		visible_idx=[],
		include_indentation=0,
	)
	export_query()
	assert frappe.response["type"] == "binary"
	assert frappe.response["filename"].endswith(".xlsx")
	assert frappe.response["filecontent"][:2] == b"PK"
