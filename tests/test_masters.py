"""Shared masters seeded on install with DOMAIN.md's defaults."""

import frappe
import pytest
from ds_testkit import make_user
from frappe.utils import strip_html

from dual_system.services.errors import InvalidMethodDefinition, InvalidRiskEvaluation
from dual_system.services.evaluation import evaluate_values
from dual_system.setup import install

pytestmark = pytest.mark.usefixtures("db")

SEEDED = {
	"Risk Evaluation Method": 3,
	"Accident Type": 20,
	"Hazard Factor Category": 19,
	"Forced Major Reason": 5,
	"Major Hidden Danger Criterion": 20,
}


def test_app_and_modules_are_installed():
	assert "dual_system" in frappe.get_installed_apps()
	modules = set(frappe.get_all("Module Def", {"app_name": "dual_system"}, pluck="name"))
	assert modules == {"Dual System", "Risk Control", "Hazard Governance", "Safety Training"}


@pytest.mark.parametrize("doctype,count", SEEDED.items())
def test_masters_are_seeded_with_the_domain_defaults(doctype, count):
	assert frappe.db.count(doctype) == count


def test_roles_exist():
	for role in (
		"Safety Manager",
		"Company Principal",
		"Safety Officer",
		"Department Safety Lead",
		"Inspector",
		"Rectification Owner",
	):
		assert frappe.db.exists("Role", role)


def test_accident_types_keep_their_standard_version():
	fire = frappe.get_doc("Accident Type", "GB6441-1986-08")
	assert (fire.standard_version, fire.code, fire.accident_type_name) == ("GB 6441-1986", "08", "Fire")


def test_hazard_factor_tree_has_four_groups():
	roots = frappe.get_all(
		"Hazard Factor Category", {"parent_hazard_factor_category": ("is", "not set")}, pluck="name"
	)
	assert sorted(roots) == ["1", "2", "3", "4"]
	assert frappe.db.get_value("Hazard Factor Category", "22", "parent_hazard_factor_category") == "2"


def test_major_hidden_danger_criterion_item_18_is_special_operations():
	item = frappe.get_doc("Major Hidden Danger Criterion", "AJZGS-2017-121-18")
	assert item.item_no == 18 and "special operations" in item.criterion


def test_settings_hold_the_defaults():
	settings = frappe.get_single("Dual System Settings")
	assert settings.default_evaluation_method == "LEC"
	assert settings.review_interval_months == 12
	assert (settings.control_level_major, settings.control_level_low) == ("Company Level", "Post Level")
	assert (settings.deadline_team_days, settings.deadline_workshop_days, settings.deadline_company_days) == (
		3,
		7,
		30,
	)


def test_lec_method_shows_its_formula():
	assert frappe.db.get_value("Risk Evaluation Method", "LEC", "formula") == "D = L × E × C"


def test_running_the_install_steps_again_changes_nothing():
	def snapshot():
		return {dt: sorted(frappe.get_all(dt, fields=["name", "modified"], as_list=True)) for dt in SEEDED}

	before = snapshot()
	install.run_steps(install.INSTALL_STEPS)
	install.run_steps(install.MIGRATE_STEPS)
	assert snapshot() == before


def test_a_method_whose_bands_leave_a_gap_is_refused():
	doc = frappe.copy_doc(frappe.get_doc("Risk Evaluation Method", "LS"))
	doc.method_code = "LS-GAP"
	doc.bands = [b for b in doc.bands if b.risk_level != "General"]
	with pytest.raises(InvalidMethodDefinition) as e:
		doc.insert()
	assert "No band covers the reachable score 9" in str(e.value)
	assert not frappe.db.exists("Risk Evaluation Method", "LS-GAP")


def test_a_value_row_for_an_unknown_factor_is_refused():
	doc = frappe.copy_doc(frappe.get_doc("Risk Evaluation Method", "LS"))
	doc.method_code = "LS-X"
	doc.append("factor_values", {"factor_code": "Q", "value": 1})
	with pytest.raises(InvalidMethodDefinition) as e:
		doc.insert()
	assert "factor Q is not one of this method's factors (L, S)" in strip_html(str(e.value))


def test_a_method_added_in_the_desk_scores_with_no_code_change(as_user):
	as_user(make_user(roles=["Safety Manager"]))
	frappe.get_doc(
		{
			"doctype": "Risk Evaluation Method",
			"method_code": "PFI",
			"method_name": "Probability × Frequency × Impact",
			"score_symbol": "R",
			"factors": [
				{"factor_code": "P", "factor_name": "Probability"},
				{"factor_code": "F", "factor_name": "Frequency"},
				{"factor_code": "I", "factor_name": "Impact"},
			],
			"factor_values": [{"factor_code": c, "value": v} for c in "PFI" for v in (1, 2, 3, 4)],
			"bands": [
				{"risk_level": "Major", "lower_bound": 48, "lower_inclusive": 1, "no_upper_bound": 1},
				{"risk_level": "Significant", "lower_bound": 24, "lower_inclusive": 1, "upper_bound": 48},
				{"risk_level": "General", "lower_bound": 8, "lower_inclusive": 1, "upper_bound": 24},
				{"risk_level": "Low", "lower_bound": 0, "lower_inclusive": 1, "upper_bound": 8},
			],
		}
	).insert()
	assert frappe.db.get_value("Risk Evaluation Method", "PFI", "formula") == "R = P × F × I"
	assert evaluate_values("PFI", {"P": 4, "F": 3, "I": 4}).level == "Major"  # 48
	assert evaluate_values("PFI", {"P": 2, "F": 3, "I": 4}).level == "Significant"  # 24
	with pytest.raises(InvalidRiskEvaluation) as e:
		evaluate_values("PFI", {"P": 5, "F": 3, "I": 4})
	assert str(e.value) == "P = 5 is not allowed by method PFI; allowed values: 4, 3, 2, 1"
