"""The four risk levels and the four control levels (DOMAIN.md §1.1, §5.1).

The level names are the stored values of Select fields; their Chinese names
(重大/较大/一般/低, 公司级/车间级/班组级/岗位级) come from translations.
"""

from __future__ import annotations

from collections.abc import Mapping


def _(message: str) -> str:
	"""Marks a message for extraction; callers translate with frappe._."""
	return message


# highest first
LEVELS = ("Major", "Significant", "General", "Low")
LEVEL_COLOURS = {"Major": "Red", "Significant": "Orange", "General": "Yellow", "Low": "Blue"}
# national data-exchange codes (DOMAIN §1.5)
LEVEL_CODES = {"Major": 1, "Significant": 2, "General": 3, "Low": 4}
# colours as CSS, for the map, the card and list indicators
LEVEL_HEX = {"Major": "#e02020", "Significant": "#f7941d", "General": "#f5d000", "Low": "#1e6fd9"}

# highest first
CONTROL_LEVELS = ("Company Level", "Workshop Level", "Team Level", "Post Level")
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


def check_control_level(level: str, chosen: str | None, mapping: Mapping[str, str] | None = None) -> str:
	"""The control level to keep: the chosen one, or the default when none is
	chosen. A level below the default raises :class:`ControlLevelTooLow`."""
	minimum = default_control_level(level, mapping)
	if not chosen:
		return minimum
	if control_rank(chosen) > control_rank(minimum):
		raise ControlLevelTooLow(chosen, minimum, level, allowed_control_levels(level, mapping))
	return chosen
