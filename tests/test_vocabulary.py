"""One source for the shared vocabularies: defined in Python, handed to the desk,
and never repeated in scripts, charts or cards."""

from __future__ import annotations

import glob
import json
import os
import re

import frappe
import pytest

from dual_system.core import vocabulary
from dual_system.core.levels import LEVEL_HEX

APP = os.path.join(os.path.dirname(__file__), "..", "dual_system")


@pytest.mark.parametrize("doctype,field", list(vocabulary.SELECT_FIELDS))
def test_select_options_of_the_doctypes_are_the_vocabulary(doctype, field):
	options = [o for o in (frappe.get_meta(doctype).get_field(field).options or "").split("\n") if o]
	assert tuple(options) == tuple(vocabulary.SELECT_FIELDS[(doctype, field)])


def test_the_desk_gets_the_vocabulary_in_its_boot_info(org):
	from ds_testkit import HttpSession

	session = HttpSession(org.user("lead_a"))
	response = session.get("/app")
	assert response.status_code == 200
	# app.html: frappe.boot = JSON.parse("<the boot info as a JSON string>");
	boot = json.loads(
		json.loads(re.search(r"frappe\.boot = JSON\.parse\((.*?)\);\s*\n", response.text).group(1))
	)
	assert boot["dual_system"]["levels"] == ["Major", "Significant", "General", "Low"]
	assert boot["dual_system"]["level_hex"] == LEVEL_HEX
	assert boot["dual_system"]["national_classes"]["Maintenance"] == [
		"Rotating Equipment",
		"Static Equipment",
		"Other",
	]


def test_no_script_chart_or_card_repeats_a_level_colour_or_list():
	colours = {hex.lower() for hex in LEVEL_HEX.values()}
	offenders = []
	for path in (
		glob.glob(f"{APP}/**/*.js", recursive=True)
		+ glob.glob(f"{APP}/**/number_card/**/*.json", recursive=True)
		+ glob.glob(f"{APP}/**/dashboard_chart/**/*.json", recursive=True)
	):
		if "/public/dist/" in path:
			continue  # the built bundle
		text = open(path, encoding="utf-8").read().lower()
		if (
			any(c in text for c in colours)
			or '"facility / equipment"' in text
			or '"company level", "workshop level"' in text
		):
			offenders.append(os.path.relpath(path, APP))
	assert offenders == []


@pytest.mark.usefixtures("db")
def test_charts_and_cards_take_their_colours_from_the_vocabulary():
	assert frappe.db.get_value("Number Card", "Major Risks", "color") == LEVEL_HEX["Major"]
	options = json.loads(frappe.db.get_value("Dashboard Chart", "Live Risks by Level", "custom_options"))
	assert options["colors"] == [LEVEL_HEX[level] for level in vocabulary.LEVELS]


@pytest.mark.usefixtures("db")
def test_the_identification_method_and_the_forced_major_default_are_set_by_the_server(org):
	"""What the form used to do in the browser holds for REST and imports too."""
	from ds_testkit import lec_row, make_assessment, make_risk_point

	frappe.set_user(org.user("officer"))
	activity = make_risk_point(org.dept["a"], risk_point_type="Work Activity")
	doc = make_assessment(activity, [lec_row()], identification=None)
	assert doc.identification_method == "JHA"
	mhi = make_risk_point(
		org.dept["a"],
		is_major_hazard_installation=1,
		main_responsible_person=org.employees["principal"],
		technical_responsible_person=org.employees["lead_a"],
		operating_responsible_person=org.employees["officer"],
	)
	doc = make_assessment(mhi, [lec_row(1, 6, 15)], identification=None)
	assert doc.identification_method == "SCL"
	assert (doc.rows[0].forced_major_reason, doc.rows[0].risk_level, doc.rows[0].computed_level) == (
		"MHI",
		"Major",
		"General",
	)
	doc.rows[0].forced_major_reason = None  # the analyst may clear it
	doc.append("rows", lec_row(1, 6, 15))
	doc.save()
	assert [r.forced_major_reason for r in doc.rows] == [None, "MHI"]
