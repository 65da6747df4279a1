"""The pure training core on tables: compliance, applicability, induction, scores,
the four 100% figures and construction progress. No database."""

import datetime

import pytest

from dual_system.core.training import (
	EXPIRED,
	EXPIRING,
	MISSING,
	OK,
	Milestone,
	Person,
	Progress,
	Rule,
	Training,
	applies,
	compliance,
	consolidate,
	expiry_reminder_key,
	figure,
	hours_by_year_and_type,
	is_new_employee,
	missing_induction_levels,
	passed,
	progress,
	progress_by_phase,
	valid_score,
)

TODAY = datetime.date(2026, 11, 28)


def d(text: str) -> datetime.date:
	return datetime.date.fromisoformat(text)


def t(date: str, hours: float) -> Training:
	return Training(d(date), hours)


# trainings, min hours a year, validity months → status, valid until
COMPLIANCE = [
	# nothing on record
	([], 12, 12, MISSING, None),
	# one 12 h training three months ago, valid a year
	([t("2026-08-28", 12)], 12, 12, OK, "2027-08-28"),
	# the same, eleven months and a half ago: expiring within 30 days
	([t("2025-12-15", 12)], 12, 12, EXPIRING, "2026-12-15"),
	# valid until exactly today still counts as valid (expiring)
	([t("2025-11-28", 12)], 12, 12, EXPIRING, "2026-11-28"),
	# a day later it has expired
	([t("2025-11-27", 12)], 12, 12, EXPIRED, "2026-11-27"),
	# the seed session of 2018: long expired
	([t("2018-09-15", 4)], 4, 12, EXPIRED, "2019-09-15"),
	# not enough hours ever: missing, whatever the dates
	([t("2026-10-01", 4), t("2026-11-01", 4)], 12, 12, MISSING, None),
	# 4 h + 8 h make 12: valid until the older of the two is a year old
	([t("2026-03-01", 8), t("2026-10-01", 4)], 12, 12, OK, "2027-03-01"),
	# a long validity (special operations: 36 months) with no hours rule
	([t("2025-01-10", 2)], 0, 36, OK, "2028-01-10"),
	# 12 h two years ago and 4 h last month: the hours lapsed with the old training
	([t("2024-09-01", 12), t("2026-10-28", 4)], 12, 24, EXPIRED, "2025-09-01"),
	# validity shorter than the hours year: validity decides
	([t("2026-01-10", 16)], 12, 6, EXPIRED, "2026-07-10"),
	# trainings after today are not counted yet
	([t("2026-12-20", 12)], 12, 12, MISSING, None),
]


@pytest.mark.parametrize("trainings,hours,months,status,until", COMPLIANCE)
def test_compliance_table(trainings, hours, months, status, until):
	result = compliance(trainings, hours, months, TODAY, warn_days=30)
	assert (result.status, result.valid_until) == (status, until and d(until))


def test_compliance_reports_last_training_and_hours_of_the_last_year():
	result = compliance([t("2025-06-01", 10), t("2026-03-01", 8), t("2026-10-01", 4)], 12, 12, TODAY)
	assert result.last_trained == d("2026-10-01")
	assert result.hours_last_year == 12
	assert result.valid


def test_warn_days_decide_what_is_expiring():
	trainings = [t("2026-01-10", 12)]
	assert compliance(trainings, 12, 12, TODAY, warn_days=30).status == OK
	assert compliance(trainings, 12, 12, TODAY, warn_days=60).status == EXPIRING


PERSON = Person(
	employee="E1",
	company="Co",
	designation="Safety Manager",
	departments=frozenset({"Tank Farm - C", "Methanol Workshop - C", "Production - C"}),
	roles=frozenset({"Employee", "Inspector"}),
)

APPLIES = [
	(Rule("Co", "Everyone"), True),
	(Rule("Other Co", "Everyone"), False),
	(Rule("Co", "Designation", "Safety Manager"), True),
	(Rule("Co", "Designation", "Press Operator"), False),
	(Rule("Co", "Department", "Production - C"), True),  # an ancestor department
	(Rule("Co", "Department", "Power - C"), False),
	(Rule("Co", "Role", "Inspector"), True),
	(Rule("Co", "Role", "Safety Officer"), False),
	(Rule("Co", "Designation", None), False),
]


@pytest.mark.parametrize("rule,expected", APPLIES)
def test_who_a_requirement_applies_to(rule, expected):
	assert applies(rule, PERSON) is expected


@pytest.mark.parametrize(
	"joined,months,expected",
	[("2026-09-01", 12, True), ("2025-11-29", 12, True), ("2025-11-28", 12, False), (None, 12, False)],
)
def test_new_employees_are_those_who_joined_within_the_period(joined, months, expected):
	assert is_new_employee(joined and d(joined), TODAY, months) is expected


@pytest.mark.parametrize(
	"done,missing",
	[
		([], ["Plant Level", "Workshop Level", "Team Level"]),
		(["Plant Level"], ["Workshop Level", "Team Level"]),
		(["Team Level", "Plant Level"], ["Workshop Level"]),
		(["Plant Level", "Workshop Level", "Team Level"], []),
	],
)
def test_induction_is_complete_with_all_three_levels(done, missing):
	assert missing_induction_levels(done) == missing


@pytest.mark.parametrize(
	"score,ok", [(None, True), (0, True), (100, True), (59.5, True), (-1, False), (101, False)]
)
def test_scores_lie_between_0_and_100(score, ok):
	assert valid_score(score) is ok


@pytest.mark.parametrize(
	"present,score,mark,expected",
	[
		(True, 60, 60, True),
		(True, 59.9, 60, False),
		(True, None, 60, False),
		(True, 0, None, True),  # attendance only: present is passed
		(False, 95, 60, False),
		(False, None, None, False),
	],
)
def test_an_attendee_passes_by_score_or_by_attendance_only(present, score, mark, expected):
	assert passed(present, score, mark) is expected


def test_hours_by_year_and_type():
	records = [
		(d("2018-09-15"), "Dual System", 4),
		(d("2026-03-01"), "Annual Refresher", 8),
		(d("2026-10-01"), "Dual System", 2.5),
		(d("2026-10-02"), "Dual System", 1.5),
	]
	assert hours_by_year_and_type(records) == {
		2018: {"Dual System": 4},
		2026: {"Annual Refresher": 8, "Dual System": 4},
	}


def test_four_hundred_percent_figure():
	result = figure({"E1": [OK, EXPIRING], "E2": [OK, EXPIRED], "E3": [MISSING], "E4": [], "E5": [OK]})
	assert (result.compliant, result.subjects, result.percent) == (2, 4, 50.0)
	assert figure({}).percent is None


def test_reminder_key_names_employee_requirement_and_expiry():
	assert expiry_reminder_key("E1", "REQ-1", d("2027-01-05")) == "training-expiry:E1:REQ-1:2027-01-05"


PLAN = [
	Milestone("Completed", d("2026-03-01"), 1, "Mobilisation"),
	Milestone("Completed", d("2026-05-01"), 2, "Risk identification"),
	Milestone("In Progress", d("2026-10-01"), 1, "Risk identification"),  # overdue
	Milestone("Not Started", d("2027-03-01"), 1, "Informatisation"),
]


def test_progress_of_a_plan_is_the_completed_share_of_weight():
	result = progress(PLAN, TODAY)
	assert (result.milestones, result.completed, result.overdue, result.percent) == (4, 2, 1, 60.0)


def test_progress_by_phase():
	phases = progress_by_phase(PLAN, TODAY)
	assert phases["Mobilisation"].percent == 100.0
	assert phases["Risk identification"].percent == pytest.approx(66.7)
	assert phases["Informatisation"].percent == 0.0


def test_group_progress_adds_its_companies_milestones():
	a = progress(PLAN, TODAY)  # 3 of 5 weight
	b = progress([Milestone("Completed", None), Milestone("Not Started", d("2026-01-01"))], TODAY)  # 1 of 2
	group = consolidate([a, b])
	assert (group.milestones, group.completed, group.overdue) == (6, 3, 2)
	assert group.percent == pytest.approx(57.1)  # 4 of 7, not the mean of 60 % and 50 %
	assert consolidate([]).percent == 0.0 and Progress().percent == 0.0
