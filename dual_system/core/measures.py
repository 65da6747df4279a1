"""Control measure classes (DOMAIN.md §5.2, §1.5) and how assessment rows become measures."""

from __future__ import annotations

import re

# Shandong's five categories, in order of preference after elimination/substitution
FIVE_CLASSES = (
	"Engineering Technical Measures",
	"Management Measures",
	"Training and Education Measures",
	"Personal Protection Measures",
	"Emergency Response Measures",
)

# the national two-level classification used for platform export
NATIONAL_CLASSES: dict[str, tuple[str, ...]] = {
	"Engineering Technology": (
		"Process Control",
		"Key Equipment or Parts",
		"Safety Accessories",
		"Safety Instrumentation",
		"Other",
	),
	"Maintenance": ("Rotating Equipment", "Static Equipment", "Other"),
	"Operating Behaviour": ("Personnel Qualification", "Operating Records", "Shift Handover", "Other"),
	"Emergency Measures": (
		"Emergency Facilities",
		"Personal Protective Equipment",
		"Fire-fighting",
		"Emergency Plans",
		"Other",
	),
}

# a starting point for the national class of a measure of each of the five categories
DEFAULT_NATIONAL_CLASS = {
	"Engineering Technical Measures": ("Engineering Technology", "Other"),
	"Management Measures": ("Operating Behaviour", "Other"),
	"Training and Education Measures": ("Operating Behaviour", "Personnel Qualification"),
	"Personal Protection Measures": ("Emergency Measures", "Personal Protective Equipment"),
	"Emergency Response Measures": ("Emergency Measures", "Emergency Plans"),
}

# assessment row field → (five-category class, source)
ROW_MEASURE_FIELDS = {
	"existing_engineering": ("Engineering Technical Measures", "Existing"),
	"existing_management": ("Management Measures", "Existing"),
	"existing_training": ("Training and Education Measures", "Existing"),
	"existing_ppe": ("Personal Protection Measures", "Existing"),
	"existing_emergency": ("Emergency Response Measures", "Existing"),
	"recommended_engineering": ("Engineering Technical Measures", "Recommended"),
	"recommended_management": ("Management Measures", "Recommended"),
	"recommended_training": ("Training and Education Measures", "Recommended"),
	"recommended_ppe": ("Personal Protection Measures", "Recommended"),
	"recommended_emergency": ("Emergency Response Measures", "Recommended"),
}

_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.、)）]|[（(]\d+[)）])\s*")


def split_measures(text: str | None) -> list[str]:
	"""One measure per line; list bullets and numbering are dropped, blank lines skipped."""
	lines = []
	for line in (text or "").splitlines():
		line = _BULLET.sub("", line).strip().rstrip(";；")
		if line:
			lines.append(line)
	return lines


def measures_from_row(row: dict) -> list[dict]:
	"""The control measures an approved assessment row stands for."""
	out = []
	for field, (measure_class, source) in ROW_MEASURE_FIELDS.items():
		l1, l2 = DEFAULT_NATIONAL_CLASS[measure_class]
		for description in split_measures(row.get(field)):
			out.append(
				{
					"measure_class": measure_class,
					"description": description,
					"source": source,
					"status": "Active" if source == "Existing" else "Planned",
					"national_class_l1": l1,
					"national_class_l2": l2,
				}
			)
	return out


def is_valid_national_class(l1: str | None, l2: str | None) -> bool:
	"""Level 2 must sit under level 1; either may be empty, but not level 1 alone missing."""
	if not l2:
		return True
	return l2 in NATIONAL_CLASSES.get(l1 or "", ())
