"""Hidden-danger KPIs and escalation steps on tables. No database."""

import datetime

import pytest

from dual_system.core.escalation import (
	DEPARTMENT_LEAD,
	OWNER,
	TOP_MANAGEMENT,
	due_steps,
	step_key,
)
from dual_system.core.hazard_kpi import (
	COUNTERS,
	TicketRow,
	kpis,
	kpis_by,
	kpis_from_counts,
	period_key,
	quarter_bounds,
	ratio,
	repeated,
	statutory_return_due,
	ticket_counts,
)


def d(text: str) -> datetime.date:
	return datetime.date.fromisoformat(text)


AS_OF = d("2026-03-31")
Q1 = (d("2026-01-01"), d("2026-03-31"))


def t(name, found, status="Registered", **kw) -> TicketRow:
	for key in ("deadline", "closed_on"):
		if isinstance(kw.get(key), str):
			kw[key] = d(kw[key])
	return TicketRow(name=name, date_found=d(found), status=status, **kw)


# a quarter's tickets with every case once
TICKETS = [
	# closed on time (deadline 01-10, closed 01-08), failed measure, on measure M1
	t(
		"HT-1",
		"2026-01-05",
		"Closed",
		source="Failed Control Measure",
		deadline="2026-01-10",
		closed_on="2026-01-08",
		control_measure="M1",
	),
	# closed late (deadline 02-01, closed 02-11), outside inspection, repeat on M1
	t(
		"HT-2",
		"2026-01-20",
		"Closed",
		source="Outside Inspection",
		deadline="2026-02-01",
		closed_on="2026-02-11",
		control_measure="M1",
	),
	# major, open, overdue (deadline 03-01), employee report, on event E1
	t(
		"HT-3",
		"2026-02-10",
		"Rectifying",
		grade="Major",
		source="Employee Report",
		deadline="2026-03-01",
		risk_event="E1",
	),
	# major closed (no deadline), external expert, repeat on E1
	t(
		"HT-4",
		"2026-03-01",
		"Closed",
		grade="Major",
		source="External Expert Diagnosis",
		closed_on="2026-03-21",
		risk_event="E1",
	),
	# open, not yet due
	t("HT-5", "2026-03-20", "Assigned", source="Routine", deadline="2026-04-10"),
	# rejected: never counted
	t("HT-6", "2026-02-02", "Invalid", source="Employee Report", control_measure="M1"),
	t("HT-7", "2026-02-03", "Duplicate", source="Routine"),
	# outside the window
	t("HT-8", "2025-12-31", "Closed", source="Routine", deadline="2026-01-02", closed_on="2026-01-01"),
]


def test_counts_of_a_quarter_match_a_hand_count():
	k = kpis(TICKETS, AS_OF, *Q1, headcount=20)
	assert k.found == 5
	assert k.closed == 3
	assert k.rectification_rate == 0.6
	assert k.came_due == 3  # HT-1, HT-2, HT-3 (HT-4 has no deadline, HT-5 due in April)
	assert k.closed_on_time == 1
	assert k.on_time_rate == 0.3333
	assert (k.majors_found, k.majors_closed, k.majors_open) == (2, 1, 1)
	assert k.major_closure_rate == 0.5
	assert k.open_overdue == 1
	assert k.average_days_to_close == round((3 + 22 + 20) / 3, 2)
	assert k.repeats == 2  # HT-2 (M1 after HT-1), HT-4 (E1 after HT-3)
	assert k.repeat_rate == 0.4
	assert k.self_found == 3
	assert k.self_found_share == 0.6
	assert k.failed_measure_share == 0.2
	assert k.reports_per_head == 0.05


def test_a_ticket_closed_after_the_day_measured_is_open_that_day():
	k = kpis(TICKETS, d("2026-02-10"), *Q1)
	assert k.found == 3  # HT-1, HT-2, HT-3 found by then; HT-4 and HT-5 did not exist yet
	assert k.closed == 1
	assert k.open_overdue == 1  # HT-2, deadline 02-01, closed only on 02-11


def test_nothing_found_gives_no_rates_not_zero():
	k = kpis([], AS_OF, *Q1)
	assert k.found == 0
	assert k.rectification_rate is None
	assert k.on_time_rate is None
	assert k.average_days_to_close is None
	assert k.reports_per_head is None


# what one counted ticket adds (the reports sum the same counters in SQL), as of AS_OF
COUNTS = {
	"HT-1": {"closed": 1, "came_due": 1, "closed_on_time": 1, "from_failed_measures": 1, "days_to_close": 3},
	"HT-2": {"closed": 1, "came_due": 1, "days_to_close": 22},
	"HT-3": {"came_due": 1, "majors_found": 1, "majors_open": 1, "open_overdue": 1, "employee_reports": 1},
	"HT-4": {"closed": 1, "majors_found": 1, "majors_closed": 1, "days_to_close": 20},
	"HT-5": {},
}
SELF_FOUND = {"HT-1", "HT-3", "HT-5"}


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_what_one_ticket_counts(name):
	ticket = next(x for x in TICKETS if x.name == name)
	expected = (
		{counter: 0 for counter in COUNTERS if counter not in ("found", "repeats")}
		| COUNTS[name]
		| {"self_found": int(name in SELF_FOUND)}
	)
	assert ticket_counts(ticket, AS_OF) == expected


@pytest.mark.parametrize(
	"as_of,name,expected",
	[
		# closed after the day measured: open that day, and overdue once past the deadline
		("2026-02-05", "HT-2", {"came_due": 1, "open_overdue": 1}),
		("2026-02-01", "HT-2", {"came_due": 1}),
		# closed on the day measured: closed, not yet come due (deadline 01-10)
		("2026-01-08", "HT-1", {"closed": 1, "days_to_close": 3}),
		("2026-01-10", "HT-1", {"closed": 1, "came_due": 1, "closed_on_time": 1, "days_to_close": 3}),
	],
)
def test_counts_as_of_a_day(as_of, name, expected):
	ticket = next(x for x in TICKETS if x.name == name)
	counts = {k: v for k, v in ticket_counts(ticket, d(as_of)).items() if v}
	counts.pop("self_found", None)
	counts.pop("from_failed_measures", None)
	assert counts == expected


def test_a_closed_status_without_a_closing_day_is_not_closed():
	counts = ticket_counts(t("X", "2026-01-05", "Closed", deadline="2026-01-06"), AS_OF)
	assert (counts["closed"], counts["open_overdue"], counts["days_to_close"]) == (0, 1, 0)


def test_kpis_from_summed_counts_equal_kpis_of_the_rows():
	counted_rows = [x for x in TICKETS if x.name in COUNTS]
	sums = {counter: 0 for counter in COUNTERS}
	for x in counted_rows:
		for counter, value in ticket_counts(x, AS_OF).items():
			sums[counter] += value
	sums |= {"found": len(counted_rows), "repeats": len(repeated(counted_rows))}
	assert kpis_from_counts(sums, headcount=20) == kpis(TICKETS, AS_OF, *Q1, headcount=20)
	assert kpis_from_counts({}) == kpis([], AS_OF)


@pytest.mark.parametrize(
	"numerator,denominator,expected",
	[(1, 3, 0.3333), (2, 3, 0.6667), (0, 5, 0.0), (5, 5, 1.0), (3, 0, None)],
)
def test_ratio(numerator, denominator, expected):
	assert ratio(numerator, denominator) == expected


def test_repeats_follow_date_found_not_list_order():
	rows = [t("B", "2026-01-02", control_measure="M"), t("A", "2026-01-01", control_measure="M")]
	assert repeated(rows) == {"B"}


def test_a_repeat_names_a_measure_or_an_event_already_ticketed():
	rows = [
		t("A", "2026-01-01", control_measure="M1", risk_event="E"),
		t("B", "2026-01-02", control_measure="M2", risk_event="E"),
		t("C", "2026-01-03", risk_event="E"),
		t("D", "2026-01-04"),
	]
	assert repeated(rows) == {"B", "C"}


def test_kpis_by_group_a_ticket_may_count_in_several_groups():
	groups = {"HT-1": ["Main", "Technical"], "HT-2": ["Main"]}
	by = kpis_by(TICKETS, lambda row: groups.get(row.name, []), AS_OF, *Q1)
	assert by["Main"].found == 2
	assert by["Technical"].found == 1
	assert by["Technical"].rectification_rate == 1.0


@pytest.mark.parametrize(
	"year,quarter,first,last",
	[
		(2026, 1, "2026-01-01", "2026-03-31"),
		(2026, 2, "2026-04-01", "2026-06-30"),
		(2026, 3, "2026-07-01", "2026-09-30"),
		(2026, 4, "2026-10-01", "2026-12-31"),
		(2024, 1, "2024-01-01", "2024-03-31"),
	],
)
def test_quarter_bounds(year, quarter, first, last):
	assert quarter_bounds(year, quarter) == (d(first), d(last))


@pytest.mark.parametrize(
	"day,period,key",
	[
		("2026-03-31", "Month", "2026-03"),
		("2026-03-31", "Quarter", "2026-Q1"),
		("2026-10-01", "Quarter", "2026-Q4"),
		("2026-10-01", "Year", "2026"),
	],
)
def test_period_key(day, period, key):
	assert period_key(d(day), period) == key


@pytest.mark.parametrize(
	"year,quarter,due",
	[(2026, 1, "2026-04-15"), (2026, 4, "2027-01-15"), (2026, None, "2027-01-31")],
)
def test_statutory_return_due(year, quarter, due):
	assert statutory_return_due(year, quarter) == d(due)


# --- escalation ------------------------------------------------------------------
DEADLINE = d("2026-03-10")


@pytest.mark.parametrize(
	"today,status,before,overdue,expected",
	[
		("2026-03-08", "Rectifying", 1, 7, []),
		("2026-03-09", "Rectifying", 1, 7, [OWNER]),
		("2026-03-09", "Assigned", 1, 7, [OWNER]),
		("2026-03-10", "Rectifying", 1, 7, [OWNER, DEPARTMENT_LEAD]),
		("2026-03-16", "Rectifying", 1, 7, [OWNER, DEPARTMENT_LEAD]),
		("2026-03-17", "Rectifying", 1, 7, [OWNER, DEPARTMENT_LEAD, TOP_MANAGEMENT]),
		("2026-03-07", "Rectifying", 3, 7, [OWNER]),
		("2026-03-10", "Rectifying", 0, 0, [OWNER, DEPARTMENT_LEAD, TOP_MANAGEMENT]),
		("2026-03-12", "Rectifying", 1, 2, [OWNER, DEPARTMENT_LEAD, TOP_MANAGEMENT]),
		# rectified, closed or not yet assigned: nothing to chase
		("2026-03-20", "Awaiting Acceptance", 1, 7, []),
		("2026-03-20", "Closed", 1, 7, []),
		("2026-03-20", "Registered", 1, 7, []),
		("2026-03-20", "Invalid", 1, 7, []),
	],
)
def test_due_steps(today, status, before, overdue, expected):
	assert due_steps(status, DEADLINE, d(today), before, overdue) == expected


def test_no_deadline_no_steps():
	assert due_steps("Rectifying", None, d("2026-03-20")) == []


def test_a_new_deadline_gives_new_keys():
	first = step_key("HT-1", DEADLINE, OWNER, "a@x")
	assert first == step_key("HT-1", DEADLINE, OWNER, "a@x")
	assert first != step_key("HT-1", d("2026-03-20"), OWNER, "a@x")
	assert first != step_key("HT-1", DEADLINE, OWNER, "b@x")
	assert first != step_key("HT-1", DEADLINE, DEPARTMENT_LEAD, "a@x")
