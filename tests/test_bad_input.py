"""Bad input is refused cleanly: a 4xx with a translated message naming what is
allowed, never a 500, never rounded into something valid, nothing written —
over REST as a real user, and through Data Import with a row-level report."""

from __future__ import annotations

import json

import frappe
import pytest
from ds_testkit import HttpSession, lec_row, make_risk_point, purge_risk_points, run_data_import, unique


@pytest.fixture(scope="module")
def point(org):
	frappe.set_user(org.user("officer"))
	name = make_risk_point(
		org.dept["a"],
		responsible_employee=org.employees["lead_a"],
		location=org.location["a"],
		asset=org.asset["a"],
	)
	frappe.set_user("Administrator")
	frappe.db.commit()
	yield name
	purge_risk_points([name])


@pytest.fixture(scope="module")
def officer(org):
	return HttpSession(org.user("officer"))


def post_assessment(session, point, row):
	return session.post(
		"/api/resource/Risk Assessment",
		data={"data": json.dumps({"risk_point": point, "evaluation_method": "LEC", "rows": [row]})},
	)


def assessments_of(point) -> int:
	frappe.db.rollback()
	return frappe.db.count("Risk Assessment", {"risk_point": point})


@pytest.mark.parametrize("value", ["abc", "Infinity", "NaN", True, "10.0004", "7.0001", [3], "", "-3"])
def test_a_factor_value_outside_the_method_is_refused_naming_the_allowed_values(officer, point, value):
	before = assessments_of(point)
	row = lec_row()
	row["factor_1"] = value
	response = post_assessment(officer, point, row)
	assert 400 <= response.status_code < 500, (value, response.status_code, response.text[:300])
	text = response.text
	if value != "":
		assert "allowed values: 10, 6, 3, 1, 0.5, 0.2, 0.1" in text, text[:400]
	else:
		assert "is missing" in text
	assert assessments_of(point) == before


def test_an_allowed_factor_written_with_trailing_zeros_is_accepted(officer, point):
	row = lec_row()
	row["factor_1"] = "0.50"
	response = post_assessment(officer, point, row)
	assert response.status_code == 200, response.text[:300]
	assert response.data["rows"][0]["score"] == 45  # 0.5 × 6 × 15
	frappe.db.rollback()
	frappe.delete_doc("Risk Assessment", response.data["name"], force=True, ignore_permissions=True)
	frappe.db.commit()


def test_an_unknown_control_level_names_the_allowed_ones(officer, point):
	row = lec_row(control_level="Galaxy Level")
	response = post_assessment(officer, point, row)
	assert response.status_code == 417
	for allowed in ("Company Level", "Workshop Level", "Team Level", "Post Level"):
		assert allowed in response.text


@pytest.mark.usefixtures("db")
def test_a_rows_control_level_follows_its_risk_level_up(org, point):
	from ds_testkit import make_assessment

	frappe.set_user(org.user("officer"))
	doc = make_assessment(point, [lec_row(1, 6, 15)])  # 90: General, Team Level
	assert (doc.rows[0].risk_level, doc.rows[0].control_level) == ("General", "Team Level")
	doc.rows[0].factor_3 = "40"  # 240: Significant
	doc.save()
	assert (doc.rows[0].risk_level, doc.rows[0].control_level) == ("Significant", "Workshop Level")


@pytest.mark.usefixtures("db")
def test_a_control_level_chosen_below_the_risk_is_still_refused(org, point):
	from ds_testkit import make_assessment

	from dual_system.services.errors import ControlLevelError

	frappe.set_user(org.user("officer"))
	doc = make_assessment(point, [lec_row(1, 6, 40)])  # Significant
	doc.rows[0].control_level = "Post Level"
	with pytest.raises(ControlLevelError, match="below Workshop Level"):
		doc.save()


@pytest.mark.usefixtures("db")
def test_settings_refuse_controlling_major_risks_below_low_ones():
	from dual_system.services.errors import ControlLevelError

	settings = frappe.get_doc("Dual System Settings")
	settings.control_level_major = "Post Level"
	settings.control_level_low = "Company Level"
	with pytest.raises(ControlLevelError, match="must not fall as the risk rises"):
		settings.save()


def test_data_import_reports_each_bad_row_and_writes_none_of_them(org):
	"""Three assessments through Data Import, one per point: two with a bad factor value
	and a good one; the bad ones are reported with the allowed values, only the good
	one is written."""
	frappe.set_user(org.user("officer"))
	points = [make_risk_point(org.dept["a"], responsible_employee=org.employees["officer"]) for _ in range(3)]
	frappe.db.commit()
	good, bad_word, bad_rounding = (f"{unique('Hz')}" for _ in range(3))
	header = (
		"Risk Point,Evaluation Method,Job Step / Check Item (Rows),Hazard or Potential Event (Rows),"
		"Accident Type (Rows),Factor 1 (Rows),Factor 2 (Rows),Factor 3 (Rows)"
	)
	lines = [header]
	for point, hazard, factor in zip(
		points, (good, bad_word, bad_rounding), ("3", "abc", "10.0004"), strict=True
	):
		lines.append(f"{point},LEC,Step,{hazard},GB6441-1986-08,{factor},6,7")
	name, _status, logs = run_data_import("Risk Assessment", "Insert New Records", "\n".join(lines) + "\n")
	try:
		failed = [log for log in logs if not log.success]
		assert len(failed) == 2, logs
		messages = " ".join(log.messages or "" for log in failed)
		assert "allowed values: 10, 6, 3, 1, 0.5, 0.2, 0.1" in messages
		written = frappe.get_all(
			"Risk Assessment Row", {"hazard": ("in", [good, bad_word, bad_rounding])}, pluck="hazard"
		)
		assert written == [good]
	finally:
		frappe.db.rollback()
		frappe.delete_doc("Data Import", name, force=True, ignore_permissions=True)
		purge_risk_points(points)
