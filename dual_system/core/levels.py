"""The four risk levels and the four control levels (DOMAIN.md §1.1, §5.1).

The level names are the stored values of Select fields; their Chinese names
(重大/较大/一般/低, 公司级/车间级/班组级/岗位级) come from translations.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping


def _(message: str) -> str:
	"""Marks a message for extraction; callers translate with frappe._."""
	return message


# highest first
LEVELS = ("Major", "Significant", "General", "Low")
LEVEL_COLOURS = {"Major": "Red", "Significant": "Orange", "General": "Yellow", "Low": "Blue"}
# national data-exchange codes (DOMAIN §1.5)
LEVEL_CODES = {"Major": 1, "Significant": 2, "General": 3, "Low": 4}
# colours as CSS, for the map, the card, charts, number cards and list indicators
LEVEL_HEX = {"Major": "#e02020", "Significant": "#f7941d", "General": "#f5d000", "Low": "#1e6fd9"}
# a readable text colour on each level's colour (dark on yellow, white elsewhere)
LEVEL_TEXT_HEX = {"Major": "#ffffff", "Significant": "#ffffff", "General": "#222222", "Low": "#ffffff"}
# Frappe's indicator colours (list views, form dashboards)
LEVEL_INDICATOR = {"Major": "red", "Significant": "orange", "General": "yellow", "Low": "blue"}
# a point or row not yet graded
UNGRADED_HEX = "#98a2b3"

# highest first
CONTROL_LEVELS = ("Company Level", "Workshop Level", "Team Level", "Post Level")
CONTROL_LEVEL_HEX = {
	"Company Level": "#7c3aed",
	"Workshop Level": "#2563eb",
	"Team Level": "#0891b2",
	"Post Level": "#64748b",
}
DEFAULT_CONTROL_LEVEL = {
	"Major": "Company Level",
	"Significant": "Workshop Level",
	"General": "Team Level",
	"Low": "Post Level",
}


def level_rank(level: str) -> int:
	"""0 for Major … 3 for Low; unknown levels sort last."""
	return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def control_rank(control_level: str) -> int:
	"""0 for Company Level … 3 for Post Level."""
	return CONTROL_LEVELS.index(control_level) if control_level in CONTROL_LEVELS else len(CONTROL_LEVELS)


def highest_control_level(control_levels) -> str | None:
	"""The highest of the given control levels (Company Level first), or None."""
	present = [c for c in control_levels if c in CONTROL_LEVELS]
	return min(present, key=control_rank) if present else None


class ControlLevelTooLow(ValueError):
	template = _("Control level {0} is below {1}, the lowest allowed for a {2} risk; choose one of: {3}")

	def __init__(self, chosen: str, minimum: str, level: str, allowed: tuple[str, ...]):
		self.args_ = (chosen, minimum, level, list(allowed))
		super().__init__(self.template.format(chosen, minimum, level, ", ".join(allowed)))


def default_control_level(level: str, mapping: Mapping[str, str] | None = None) -> str:
	return (mapping or DEFAULT_CONTROL_LEVEL)[level]


def allowed_control_levels(level: str, mapping: Mapping[str, str] | None = None) -> tuple[str, ...]:
	"""The default for the level and every level above it: "the higher the risk,
	the higher the management level that controls it" — raising is fine."""
	minimum = default_control_level(level, mapping)
	return CONTROL_LEVELS[: control_rank(minimum) + 1]


class UnknownControlLevel(ValueError):
	template = _("{0} is not a control level; choose one of: {1}")

	def __init__(self, chosen: str):
		self.args_ = (chosen, list(CONTROL_LEVELS))
		super().__init__(self.template.format(chosen, ", ".join(CONTROL_LEVELS)))


def check_control_level(
	level: str,
	chosen: str | None,
	mapping: Mapping[str, str] | None = None,
	previous: str | None = None,
) -> str:
	"""The control level to keep: the chosen one, or the default when none is
	chosen. A control level below the default raises :class:`ControlLevelTooLow`
	— unless it is the one kept from before (``previous``) and the risk level rose
	since: then it follows the mapping up, so raising a row's risk never dead-ends
	its save."""
	if chosen and chosen not in CONTROL_LEVELS:
		raise UnknownControlLevel(chosen)
	minimum = default_control_level(level, mapping)
	if not chosen:
		return minimum
	if control_rank(chosen) > control_rank(minimum):
		if previous and chosen == previous:
			return minimum
		raise ControlLevelTooLow(chosen, minimum, level, allowed_control_levels(level, mapping))
	return chosen


class ControlMappingOutOfOrder(ValueError):
	template = _(
		"The control levels must not fall as the risk rises: {0} is controlled at {1}, below {2} at {3}"
	)

	def __init__(self, higher: str, higher_control: str, lower: str, lower_control: str):
		self.args_ = (higher, higher_control, lower, lower_control)
		super().__init__(self.template.format(*self.args_))


def check_control_mapping(mapping: Mapping[str, str]) -> None:
	"""A higher risk level is controlled at the same or a higher organisational level."""
	for higher, lower in itertools.pairwise(LEVELS):
		if control_rank(mapping[higher]) > control_rank(mapping[lower]):
			raise ControlMappingOutOfOrder(higher, mapping[higher], lower, mapping[lower])
