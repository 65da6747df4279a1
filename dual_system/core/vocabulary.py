"""The shared vocabularies, in one place: stored values, their order and their
colours. Python uses them directly; the desk gets them from the boot info
(``dual_system.boot``), so no script, chart or card repeats them. Labels are the
stored English values, translated where they are shown (``_()`` / ``__()``).

DocType Select options are the data model's copy of the same lists;
tests/test_vocabulary.py checks they agree.
"""

from __future__ import annotations

from dual_system.core.levels import (
	CONTROL_LEVEL_HEX,
	CONTROL_LEVELS,
	LEVEL_CODES,
	LEVEL_COLOURS,
	LEVEL_HEX,
	LEVEL_INDICATOR,
	LEVEL_TEXT_HEX,
	LEVELS,
	UNGRADED_HEX,
)
from dual_system.core.measures import FIVE_CLASSES, NATIONAL_CLASSES

RISK_POINT_TYPES = ("Facility / Equipment", "Area / Site", "Work Activity")
# the identification method a risk point's type calls for (DOMAIN §2)
IDENTIFICATION_BY_TYPE = {"Facility / Equipment": "SCL", "Area / Site": "SCL", "Work Activity": "JHA"}
REASSESSMENT_REASONS = (
	"Process Change",
	"Incident",
	"New Standard",
	"Organisation Change",
	"Periodic Review",
	"Other",
)

# status → Frappe indicator colour, per doctype
STATUS_INDICATORS = {
	"Risk Point": {"Active": "green", "Retired": "darkgrey"},
	"Risk Assessment": {
		"Draft": "gray",
		"Pending Review": "orange",
		"Pending Approval": "blue",
		"Approved": "green",
		"Superseded": "darkgrey",
	},
	"Risk Event": {"Active": "green", "Archived": "darkgrey"},
	"Control Measure": {"Active": "green", "Planned": "blue", "Archived": "darkgrey"},
}

# the Select fields whose options are these vocabularies: (doctype, field) → values
SELECT_FIELDS = {
	("Risk Point", "risk_point_type"): RISK_POINT_TYPES,
	("Risk Point", "current_risk_level"): LEVELS,
	("Risk Point", "current_control_level"): CONTROL_LEVELS,
	("Risk Point", "status"): tuple(STATUS_INDICATORS["Risk Point"]),
	("Risk Point", "reassessment_reason"): REASSESSMENT_REASONS,
	("Risk Assessment", "status"): tuple(STATUS_INDICATORS["Risk Assessment"]),
	("Risk Assessment", "highest_level"): LEVELS,
	("Risk Assessment", "reassessment_reason"): REASSESSMENT_REASONS,
	("Risk Assessment Row", "risk_level"): LEVELS,
	("Risk Assessment Row", "computed_level"): LEVELS,
	("Risk Assessment Row", "control_level"): CONTROL_LEVELS,
	("Risk Event", "risk_level"): LEVELS,
	("Risk Event", "computed_level"): LEVELS,
	("Risk Event", "control_level"): CONTROL_LEVELS,
	("Risk Event", "status"): tuple(STATUS_INDICATORS["Risk Event"]),
	("Control Measure", "measure_class"): FIVE_CLASSES,
	("Control Measure", "national_class_l1"): tuple(NATIONAL_CLASSES),
	("Control Measure", "status"): tuple(STATUS_INDICATORS["Control Measure"]),
	("Risk Evaluation Band", "risk_level"): LEVELS,
	("Dual System Settings", "control_level_major"): CONTROL_LEVELS,
	("Dual System Settings", "control_level_significant"): CONTROL_LEVELS,
	("Dual System Settings", "control_level_general"): CONTROL_LEVELS,
	("Dual System Settings", "control_level_low"): CONTROL_LEVELS,
}


def for_desk() -> dict:
	"""What the desk's scripts need, JSON-ready (``frappe.boot.dual_system``)."""
	return {
		"levels": list(LEVELS),
		"level_hex": LEVEL_HEX,
		"level_text_hex": LEVEL_TEXT_HEX,
		"level_indicator": LEVEL_INDICATOR,
		"level_colours": LEVEL_COLOURS,
		"level_codes": LEVEL_CODES,
		"ungraded_hex": UNGRADED_HEX,
		"control_levels": list(CONTROL_LEVELS),
		"control_level_hex": CONTROL_LEVEL_HEX,
		"risk_point_types": list(RISK_POINT_TYPES),
		"identification_by_type": IDENTIFICATION_BY_TYPE,
		"reassessment_reasons": list(REASSESSMENT_REASONS),
		"status_indicators": STATUS_INDICATORS,
		"measure_classes": list(FIVE_CLASSES),
		"national_classes": {k: list(v) for k, v in NATIONAL_CLASSES.items()},
	}


# colours of the standard workspace records, applied on install and migrate
CLOSED_HEX = "#16a34a"
NUMBER_CARD_COLOURS = {
	"Major Risks": LEVEL_HEX["Major"],
	"Significant Risks": LEVEL_HEX["Significant"],
	"General Risks": LEVEL_HEX["General"],
	"Low Risks": LEVEL_HEX["Low"],
	"Risk Reviews Due": CONTROL_LEVEL_HEX["Company Level"],
	"Open Hidden Dangers": LEVEL_HEX["General"],
	"Overdue Hidden Dangers": LEVEL_HEX["Significant"],
	"Open Major Hidden Dangers": LEVEL_HEX["Major"],
}
CHART_COLOURS = {
	"Live Risks by Level": [LEVEL_HEX[level] for level in LEVELS],
	"Risk Points by Control Level": [CONTROL_LEVEL_HEX[level] for level in CONTROL_LEVELS],
	"Open Hidden Dangers by Grade": [LEVEL_HEX["General"], LEVEL_HEX["Major"]],
	# found in orange, closed in green: the bars meet when the month is zeroed
	"Hidden Dangers Found and Closed": [LEVEL_HEX["Significant"], CLOSED_HEX],
}
