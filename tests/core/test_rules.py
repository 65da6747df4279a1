"""Pure rules, as tables: no site, no database.

Run on their own with ``<bench>/env/bin/python -m pytest tests/core`` (no site
needed), or with the whole suite."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dual_system.core.levels import (
	CONTROL_LEVELS,
	DEFAULT_CONTROL_LEVEL,
	ControlLevelTooLow,
	ControlMappingOutOfOrder,
	UnknownControlLevel,
	check_control_level,
	check_control_mapping,
)
from dual_system.core.scoring import parse_number
from dual_system.core.vocabulary import IDENTIFICATION_BY_TYPE, RISK_POINT_TYPES, SELECT_FIELDS, for_desk


@pytest.mark.parametrize(
	"raw,parsed",
	[
		("10", Decimal("10")),
		(" 0.5 ", Decimal("0.5")),
		("0.50", Decimal("0.50")),
		(6, Decimal("6")),
		(0.2, Decimal("0.2")),
		("10.0004", Decimal("10.0004")),
		("-3", Decimal("-3")),
		("abc", None),
		("Infinity", None),
		("-inf", None),
		("NaN", None),
		(True, None),
		(False, None),
		([3], None),
		(None, None),
		("", None),
	],
)
def test_numbers_are_parsed_exactly_or_not_at_all(raw, parsed):
	assert parse_number(raw) == parsed


@pytest.mark.parametrize(
	"level,chosen,previous,kept",
	[
		("General", None, None, "Team Level"),
		("General", "Company Level", None, "Company Level"),  # raising is fine
		("Significant", "Team Level", "Team Level", "Workshop Level"),  # the risk rose: follows up
		("Major", "Workshop Level", "Workshop Level", "Company Level"),
		("Low", "Post Level", "Post Level", "Post Level"),
	],
)
def test_control_level_follows_a_rising_risk_but_keeps_a_raise(level, chosen, previous, kept):
	assert check_control_level(level, chosen, previous=previous) == kept


@pytest.mark.parametrize(
	"level,chosen,previous",
	[
		("Significant", "Team Level", None),  # chosen now, below the minimum
		("Significant", "Post Level", "Team Level"),  # changed now, below the minimum
	],
)
def test_control_level_chosen_below_the_risk_is_refused(level, chosen, previous):
	with pytest.raises(ControlLevelTooLow) as e:
		check_control_level(level, chosen, previous=previous)
	assert e.value.args_[1] == DEFAULT_CONTROL_LEVEL[level]


def test_an_unknown_control_level_names_the_allowed_ones():
	with pytest.raises(UnknownControlLevel) as e:
		check_control_level("General", "Galaxy Level")
	assert e.value.args_ == ("Galaxy Level", list(CONTROL_LEVELS))


@pytest.mark.parametrize(
	"mapping,ok",
	[
		(DEFAULT_CONTROL_LEVEL, True),
		({**DEFAULT_CONTROL_LEVEL, "Low": "Team Level"}, True),  # equal is fine
		({**DEFAULT_CONTROL_LEVEL, "Major": "Post Level", "Low": "Company Level"}, False),
		({**DEFAULT_CONTROL_LEVEL, "Significant": "Post Level"}, False),  # below General's Team Level
	],
)
def test_a_control_mapping_never_falls_as_the_risk_rises(mapping, ok):
	if ok:
		check_control_mapping(mapping)
	else:
		with pytest.raises(ControlMappingOutOfOrder):
			check_control_mapping(mapping)


def test_every_risk_point_type_calls_for_an_identification_method():
	assert set(IDENTIFICATION_BY_TYPE) == set(RISK_POINT_TYPES)
	assert set(IDENTIFICATION_BY_TYPE.values()) <= {"JHA", "SCL"}


def test_the_desk_gets_every_vocabulary_as_json():
	import json

	desk = json.loads(json.dumps(for_desk()))
	assert desk["levels"] == ["Major", "Significant", "General", "Low"]
	assert set(desk["level_hex"]) == set(desk["levels"]) == set(desk["level_text_hex"])
	assert desk["control_levels"] == list(CONTROL_LEVELS)
	assert all(values for values in SELECT_FIELDS.values())
