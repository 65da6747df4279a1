"""The pure scoring core on tables: no database."""

from dataclasses import replace
from decimal import Decimal

import frappe
import pytest

from dual_system.core.levels import (
	ControlLevelTooLow,
	allowed_control_levels,
	check_control_level,
)
from dual_system.core.scoring import (
	InvalidFactorValue,
	MissingFactorValue,
	UnknownFactor,
	definition_problems,
	evaluate,
	format_score,
	highest_level,
	reachable_scores,
)
from dual_system.services.evaluation import method_from_doc
from dual_system.setup.default_data import EVALUATION_METHODS


def method_from_spec(spec):
	doc = frappe._dict(
		method_code=spec["method_code"],
		name=spec["method_code"],
		method_name=spec["method_name"],
		factors=[
			frappe._dict(factor_code=f["factor_code"], factor_name=f["factor_name"]) for f in spec["factors"]
		],
		factor_values=[
			frappe._dict(factor_code=f["factor_code"], value=v["value"], meaning=v["meaning"])
			for f in spec["factors"]
			for v in f["values"]
		],
		bands=[
			frappe._dict({"lower_inclusive": 0, "upper_inclusive": 0, "no_upper_bound": 0, **b})
			for b in spec["bands"]
		],
	)
	return method_from_doc(doc)


METHODS = {spec["method_code"]: method_from_spec(spec) for spec in EVALUATION_METHODS}
LEC, LS, MES = METHODS["LEC"], METHODS["LS"], METHODS["MES"]


# The DOMAIN.md §4 rules written out independently of the band configuration.
def lec_rule(d):
	if d > 320:
		return "Major"
	if 160 <= d <= 320:
		return "Significant"
	if 70 <= d < 160:
		return "General"
	return "Low"


def ls_rule(r):
	if 20 <= r <= 25:
		return "Major"
	if 15 <= r <= 16:
		return "Significant"
	if 9 <= r <= 12:
		return "General"
	return "Low"


def mes_rule(r):
	if r >= 180:
		return "Major"
	if 90 <= r <= 150:
		return "Significant"
	if 50 <= r <= 80:
		return "General"
	return "Low"


@pytest.mark.parametrize("code,rule", [("LEC", lec_rule), ("LS", ls_rule), ("MES", mes_rule)])
def test_every_reachable_score_of_a_shipped_method_gets_the_domain_level(code, rule):
	method = METHODS[code]
	import itertools

	for combo in itertools.product(*(f.allowed for f in method.factors)):
		values = dict(zip(method.factor_codes, combo, strict=True))
		result = evaluate(method, values)
		assert result.level == rule(result.score), (code, values, result)


@pytest.mark.parametrize("code", ["LEC", "LS", "MES"])
def test_shipped_methods_are_well_formed(code):
	assert definition_problems(METHODS[code]) == []


# Boundary table: every band boundary a reachable score can hit, plus DOMAIN §9.1's cases.
BOUNDARIES = [
	# method, factor values, score as shown, level, label
	("LEC", {"L": 1, "E": 10, "C": 7}, "70", "General", ""),  # lower bound of General, inclusive
	("LEC", {"L": 10, "E": 2, "C": 1}, "20", "Low", ""),  # lower bound of Low, inclusive
	("LEC", {"L": 6, "E": 3, "C": 1}, "18", "Low", "Acceptable"),  # below 20
	("LEC", {"L": 0.2, "E": 6, "C": 100}, "120", "General", ""),  # 120.00000000000001 in floats
	("LEC", {"L": 3, "E": 6, "C": 40}, "720", "Major", ""),  # RP-01
	("LEC", {"L": 1, "E": 6, "C": 40}, "240", "Significant", ""),  # RP-02
	("LEC", {"L": 6, "E": 2, "C": 15}, "180", "Significant", ""),  # RP-03
	("LEC", {"L": 3, "E": 6, "C": 7}, "126", "General", ""),  # RP-04
	("LEC", {"L": 1, "E": 6, "C": 15}, "90", "General", ""),  # RP-05
	("LEC", {"L": 1, "E": 10, "C": 40}, "400", "Major", ""),  # RP-08
	("LEC", {"L": 0.1, "E": 0.5, "C": 1}, "0.05", "Low", "Acceptable"),  # smallest
	("LEC", {"L": 10, "E": 10, "C": 100}, "10000", "Major", ""),  # largest
	("LS", {"L": 3, "S": 3}, "9", "General", ""),  # RP-07, lower bound of General
	("LS", {"L": 4, "S": 3}, "12", "General", ""),  # upper bound of General
	("LS", {"L": 5, "S": 3}, "15", "Significant", ""),
	("LS", {"L": 4, "S": 4}, "16", "Significant", ""),
	("LS", {"L": 4, "S": 5}, "20", "Major", ""),
	("LS", {"L": 5, "S": 5}, "25", "Major", ""),
	("LS", {"L": 2, "S": 4}, "8", "Low", ""),
	("LS", {"L": 2, "S": 2}, "4", "Low", ""),
	("LS", {"L": 1, "S": 3}, "3", "Low", "Negligible"),
	("LS", {"L": 1, "S": 1}, "1", "Low", "Negligible"),
	("MES", {"M": 3, "E": 6, "S": 10}, "180", "Major", ""),  # lower bound of Major, inclusive
	("MES", {"M": 5, "E": 3, "S": 10}, "150", "Significant", ""),
	("MES", {"M": 3, "E": 3, "S": 10}, "90", "Significant", ""),
	("MES", {"M": 1, "E": 10, "S": 8}, "80", "General", ""),
	("MES", {"M": 5, "E": 10, "S": 1}, "50", "General", ""),
	("MES", {"M": 3, "E": 2, "S": 8}, "48", "Low", ""),
	("MES", {"M": 1, "E": 10, "S": 2}, "20", "Low", ""),
	("MES", {"M": 1, "E": 3, "S": 8}, "24", "Low", ""),  # RP-06
	("MES", {"M": 3, "E": 6, "S": 1}, "18", "Low", "Acceptable"),
	("MES", {"M": 1, "E": 0.5, "S": 1}, "0.5", "Low", "Acceptable"),
]


@pytest.mark.parametrize("code,values,shown,level,label", BOUNDARIES)
def test_boundary_table(code, values, shown, level, label):
	result = evaluate(METHODS[code], values)
	assert result.score_text == shown
	assert result.level == level
	assert result.computed_level == level
	assert result.band_label == label


def test_decimal_products_read_as_written():
	result = evaluate(LEC, {"L": 0.2, "E": 6, "C": 100})
	assert 0.2 * 6 * 100 != 120  # what binary floating point would have shown
	assert result.score == Decimal("120")
	assert float(result.score) == 120.0
	assert format_score(0.2 * 6 * 100) == "120"


def test_factor_values_given_as_strings_or_floats_score_alike():
	assert (
		evaluate(LEC, {"L": "0.5", "E": "6", "C": "40"}).score
		== evaluate(LEC, {"L": 0.5, "E": 6.0, "C": 40}).score
	)


def test_value_outside_options_is_refused_naming_the_allowed_values():
	with pytest.raises(InvalidFactorValue) as e:
		evaluate(LEC, {"L": 4, "E": 6, "C": 40})
	assert str(e.value) == "L = 4 is not allowed by method LEC; allowed values: 10, 6, 3, 1, 0.5, 0.2, 0.1"


def test_missing_factor_is_refused():
	with pytest.raises(MissingFactorValue) as e:
		evaluate(LS, {"L": 3})
	assert "S is missing" in str(e.value)


def test_unknown_factor_is_refused():
	with pytest.raises(UnknownFactor):
		evaluate(LS, {"L": 3, "S": 3, "X": 1})


def test_forced_major_keeps_the_computed_score_and_level():
	result = evaluate(LEC, {"L": 1, "E": 6, "C": 15}, forced_reason="MHI")
	assert result.level == "Major"
	assert result.computed_level == "General"
	assert result.score_text == "90"
	assert result.forced
	assert result.forced_reason == "MHI"


def test_forced_reason_on_an_already_major_risk_is_recorded_but_not_a_change():
	result = evaluate(LEC, {"L": 3, "E": 6, "C": 40}, forced_reason="MHI")
	assert result.level == "Major" and result.forced_reason == "MHI" and not result.forced


def custom(bands, values=((1, 2, 4), (10, 20, 40, 80))):
	spec = {
		"method_code": "CUSTOM",
		"method_name": "Custom",
		"factors": [
			{
				"factor_code": "A",
				"factor_name": "A",
				"values": [{"value": v, "meaning": ""} for v in values[0]],
			},
			{
				"factor_code": "B",
				"factor_name": "B",
				"values": [{"value": v, "meaning": ""} for v in values[1]],
			},
		],
		"bands": bands,
	}
	return method_from_spec(spec)


LEC_LIKE_BANDS = [
	{"risk_level": "Major", "lower_bound": 320, "lower_inclusive": 0, "no_upper_bound": 1},
	{
		"risk_level": "Significant",
		"lower_bound": 160,
		"lower_inclusive": 1,
		"upper_bound": 320,
		"upper_inclusive": 1,
	},
	{"risk_level": "General", "lower_bound": 70, "lower_inclusive": 1, "upper_bound": 160},
	{"risk_level": "Low", "lower_bound": 0, "lower_inclusive": 1, "upper_bound": 70},
]


@pytest.mark.parametrize(
	"values,level",
	[
		({"A": 4, "B": 80}, "Significant"),  # 320 reachable with own factors: inclusive upper bound
		({"A": 2, "B": 80}, "Significant"),  # 160: inclusive lower bound
		({"A": 4, "B": 40}, "Significant"),
		({"A": 1, "B": 80}, "General"),
		({"A": 4, "B": 20}, "General"),
		({"A": 2, "B": 20}, "Low"),
	],
)
def test_inclusive_flags_decide_reachable_boundaries(values, level):
	assert evaluate(custom(LEC_LIKE_BANDS), values).level == level


def test_flipping_an_inclusive_flag_moves_the_boundary_score():
	bands = [dict(b) for b in LEC_LIKE_BANDS]
	bands[0]["lower_inclusive"] = 1  # Major from 320 inclusive
	bands[1]["upper_inclusive"] = 0
	assert evaluate(custom(bands), {"A": 4, "B": 80}).level == "Major"


def test_overlapping_bands_are_reported_with_the_score():
	bands = [dict(b) for b in LEC_LIKE_BANDS]
	bands[0]["lower_inclusive"] = 1  # now 320 falls in Major and Significant
	problems = definition_problems(custom(bands))
	assert problems == [
		(
			"The reachable score {0} falls in more than one band: {1}",
			("320", "Major [320, ∞), Significant [160, 320]"),
		)
	]


def test_gap_in_bands_is_reported_for_reachable_scores_only():
	bands = [b for b in LEC_LIKE_BANDS if b["risk_level"] != "General"]
	problems = definition_problems(custom(bands))
	reported = sorted(args[0] for _t, args in problems)
	gap = [format_score(s) for s in reachable_scores(custom(bands)) if 70 <= s < 160]
	assert reported == sorted(gap) and gap


def test_method_needs_two_or_three_factors():
	method = custom(LEC_LIKE_BANDS)
	one_factor = replace(method, code="ONE", factors=method.factors[:1])
	assert definition_problems(one_factor)[0] == ("A method has 2 or 3 factors; {0} has {1}", ("ONE", 1))


def test_highest_level():
	assert highest_level(["Low", None, "Significant", "General"]) == "Significant"
	assert highest_level([None, ""]) is None


CONTROL = [
	("Major", None, "Company Level"),
	("Significant", None, "Workshop Level"),
	("General", None, "Team Level"),
	("Low", None, "Post Level"),
	("Low", "Company Level", "Company Level"),  # raising is fine
	("General", "Workshop Level", "Workshop Level"),
]


@pytest.mark.parametrize("level,chosen,kept", CONTROL)
def test_control_level_defaults_and_may_be_raised(level, chosen, kept):
	assert check_control_level(level, chosen) == kept


def test_control_level_below_default_is_refused_with_the_reason():
	with pytest.raises(ControlLevelTooLow) as e:
		check_control_level("Significant", "Team Level")
	assert str(e.value) == (
		"Control level Team Level is below Workshop Level, the lowest allowed for a Significant risk; "
		"choose one of: Company Level, Workshop Level"
	)
	assert allowed_control_levels("Major") == ("Company Level",)
