"""The pure hidden-danger core on tables: national codes, default deadlines,
deadline order and recurrence. No database."""

import datetime

import pytest

from dual_system.core.hazard import (
	SOURCES,
	DeadlineRules,
	deadline_precedes_finding,
	default_deadline,
	grade_code,
	handling_code,
	hazard_type_code,
	recurrence_key,
	recurs,
	source_code,
	source_for_code,
	state_code,
)

FOUND = datetime.datetime(2026, 11, 28, 22, 30)
RULES = DeadlineRules(on_the_spot_hours=24, team_days=3, workshop_days=7, company_days=30)


def d(text: str) -> datetime.date:
	return datetime.date.fromisoformat(text)


@pytest.mark.parametrize(
	"source, code",
	[
		("Routine", 1),
		("Comprehensive", 2),
		("Specialist", 3),
		("Seasonal", 4),
		("Key Period or Holiday", 5),
		("Accident Analogy", 6),
		("Pre-restart", 7),
		("External Expert Diagnosis", 8),
		("Failed Control Measure", 9),
		("Employee Report", 10),
		("Outside Inspection", 10),
		("Other", 10),
		(None, 10),
	],
)
def test_every_source_has_a_national_code(source, code):
	assert source_code(source) == code


def test_national_codes_import_back_to_sources():
	assert [source_for_code(c) for c in range(1, 11)] == [s for s in SOURCES if source_code(s) != 10] + [
		"Other"
	]
	with pytest.raises(ValueError):
		source_for_code(11)


@pytest.mark.parametrize(
	"hazard_type, code",
	[
		("Safety", 1),
		("Process", 2),
		("Electrical", 3),
		("Instrumentation", 4),
		("Fire", 5),
		("General Layout", 6),
		("Equipment", 7),
		("Other", 8),
		("", None),
	],
)
def test_hazard_type_codes(hazard_type, code):
	assert hazard_type_code(hazard_type) == code


def test_grade_handling_and_state_codes():
	assert (grade_code("General"), grade_code("Major")) == (0, 1)
	assert (handling_code("On the Spot"), handling_code("By Deadline"), handling_code(None)) == (0, 1, None)
	assert [state_code(s) for s in ("Reported", "Assigned", "Rectifying", "Awaiting Acceptance")] == [
		None,
		0,
		0,
		1,
	]
	assert state_code("Closed", accepted=True) == 9
	assert state_code("Invalid") is None


@pytest.mark.parametrize(
	"grade, level, handling, expected",
	[
		("General", "Team", "On the Spot", d("2026-11-29")),  # 24 h after 22:30 → next day
		("General", "Team", "By Deadline", d("2026-12-01")),
		("General", "Workshop", "By Deadline", d("2026-12-05")),
		("General", "Company", "By Deadline", d("2026-12-28")),
		("General", None, "By Deadline", None),  # not graded yet
		("Major", "Company", "By Deadline", None),  # the governance plan sets it
		("", "", "", None),
	],
)
def test_default_deadline_by_handling_grade_and_level(grade, level, handling, expected):
	assert default_deadline(FOUND, grade, level, handling, RULES) == expected


def test_default_deadline_follows_the_settings():
	rules = DeadlineRules(on_the_spot_hours=8, team_days=1, workshop_days=14, company_days=60)
	assert default_deadline(FOUND, "General", "Team", "On the Spot", rules) == d("2026-11-29")
	assert default_deadline(FOUND, "General", "Workshop", "By Deadline", rules) == d("2026-12-12")
	assert default_deadline(d("2026-11-28"), "General", "Company", "By Deadline", rules) == d("2027-01-27")


@pytest.mark.parametrize(
	"deadline, precedes",
	[(d("2026-11-27"), True), (d("2026-11-28"), False), (d("2026-12-01"), False), (None, False)],
)
def test_a_deadline_may_not_precede_the_day_found(deadline, precedes):
	assert deadline_precedes_finding(deadline, FOUND) is precedes


TODAY = d("2026-11-28")


@pytest.mark.parametrize(
	"failures, window, count, expected",
	[
		(["2026-11-28"], 90, 2, False),
		(["2026-09-01", "2026-11-28"], 90, 2, True),
		(["2026-08-30", "2026-11-28"], 90, 2, False),  # 90 days before today: outside
		(["2026-08-31", "2026-11-28"], 90, 2, True),
		(["2026-10-01", "2026-11-01", "2026-11-28"], 30, 3, False),
		(["2026-11-01", "2026-11-20", "2026-11-28"], 30, 3, True),
		(["2026-11-27", "2026-11-28"], 90, 1, False),  # one failure is a hidden danger, not a recurrence
		(["2026-11-27", "2026-11-28"], 0, 2, False),
		(["2026-11-29", "2026-11-28"], 90, 2, False),  # a future date does not count
	],
)
def test_recurrence_within_the_window(failures, window, count, expected):
	assert recurs([d(f) for f in failures], TODAY, window, count) is expected


def test_one_recurrence_one_key():
	assert recurrence_key("CM-1", "HT-1") == recurrence_key("CM-1", "HT-1")
	assert recurrence_key("CM-1", "HT-1") != recurrence_key("CM-1", "HT-2")
