"""Risk assessments through the doctypes and the default workflow, as the
people who use them (never as Administrator where a rule depends on who acts)."""

import frappe
import pytest
from ds_testkit import (
	act,
	approve_through_workflow,
	lec_row,
	make_assessment,
	make_risk_point,
	make_user,
	unique,
)
from frappe.model.workflow import WorkflowTransitionError
from frappe.utils import add_months, getdate, nowdate, strip_html

from dual_system.risk_control.doctype.risk_assessment.risk_assessment import (
	AssessmentStateError,
	SignOffError,
)
from dual_system.services.errors import ControlLevelError, InvalidRiskEvaluation
from dual_system.services.signoff import (
	StatusChangeError,
)

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def point(org):
	frappe.set_user(org.user("officer"))
	name = make_risk_point(org.dept["a"])
	frappe.set_user("Administrator")
	return name


def draft(org, point, rows=None, **kw):
	frappe.set_user(org.user("officer"))
	try:
		return make_assessment(point, rows or [lec_row(3, 6, 7)], **kw)
	finally:
		frappe.set_user("Administrator")


def message(excinfo) -> str:
	return strip_html(str(excinfo.value))


# --- scoring through the doctype -----------------------------------------------------
@pytest.mark.parametrize(
	"method,factors,score,level,control",
	[
		("LEC", ("3", "6", "40"), 720, "Major", "Company Level"),
		("LEC", ("1", "6", "40"), 240, "Significant", "Workshop Level"),
		("LEC", ("0.2", "6", "100"), 120, "General", "Team Level"),
		("LEC", ("1", "10", "7"), 70, "General", "Team Level"),
		("LEC", ("10", "2", "1"), 20, "Low", "Post Level"),
		("LS", ("3", "3"), 9, "General", "Team Level"),
		("LS", ("4", "5"), 20, "Major", "Company Level"),
		("LS", ("5", "3"), 15, "Significant", "Workshop Level"),
		("MES", ("3", "6", "10"), 180, "Major", "Company Level"),
		("MES", ("1", "3", "8"), 24, "Low", "Post Level"),
	],
)
def test_rows_are_scored_on_the_server(org, point, method, factors, score, level, control):
	row = {"step_or_item": "Step", "hazard": "Hazard", "accident_type": "GB6441-1986-03"}
	row.update({f"factor_{i}": v for i, v in enumerate(factors, start=1)})
	row["score"] = 1  # whatever the client sends, the server computes
	doc = draft(org, point, [row], method=method)
	saved = frappe.get_doc("Risk Assessment", doc.name).rows[0]
	assert saved.score == score
	assert (saved.risk_level, saved.computed_level, saved.control_level) == (level, level, control)
	assert doc.highest_level == level and doc.has_major_risk == (level == "Major")


def test_forced_major_keeps_the_computed_score_visible(org, point):
	doc = draft(org, point, [lec_row(1, 6, 15, forced_major_reason="MHI")])
	row = doc.rows[0]
	assert (row.score, row.computed_level, row.risk_level, row.control_level) == (
		90,
		"General",
		"Major",
		"Company Level",
	)
	assert doc.has_major_risk


def test_factor_value_outside_the_method_is_refused_and_nothing_saved(org, point):
	frappe.set_user(org.user("officer"))
	with pytest.raises(InvalidRiskEvaluation) as e:
		make_assessment(point, [lec_row(4, 6, 40)])
	assert (
		message(e) == "Row 1: L = 4 is not allowed by method LEC; allowed values: 10, 6, 3, 1, 0.5, 0.2, 0.1"
	)
	assert not frappe.db.exists("Risk Assessment", {"risk_point": point})


def test_missing_accident_type_is_refused(org, point):
	frappe.set_user(org.user("officer"))
	with pytest.raises(frappe.ValidationError) as e:
		make_assessment(point, [lec_row(accident_type=None)])
	assert "Row 1: Accident Type is required" in message(e)
	assert "GB 6441-1986" in message(e)
	assert not frappe.db.exists("Risk Assessment", {"risk_point": point})


def test_control_level_below_the_default_is_refused_with_the_reason(org, point):
	frappe.set_user(org.user("officer"))
	with pytest.raises(ControlLevelError) as e:
		make_assessment(point, [lec_row(1, 6, 40, control_level="Team Level")])
	assert message(e) == (
		"Row 1: Control level Team Level is below Workshop Level, the lowest allowed for a Significant risk; "
		"choose one of: Company Level, Workshop Level"
	)


def test_control_level_may_be_raised(org, point):
	doc = draft(org, point, [lec_row(1, 6, 15, control_level="Company Level")])
	assert (doc.rows[0].risk_level, doc.rows[0].control_level) == ("General", "Company Level")


def test_a_method_added_in_the_desk_works_in_an_assessment(org, point):
	frappe.set_user(org.user("manager"))
	frappe.get_doc(
		{
			"doctype": "Risk Evaluation Method",
			"method_code": "HS",
			"method_name": "Hazard × Severity",
			"score_symbol": "R",
			"factors": [
				{"factor_code": "H", "factor_name": "Hazard"},
				{"factor_code": "S", "factor_name": "Severity"},
			],
			"factor_values": [{"factor_code": c, "value": v} for c in "HS" for v in (1, 2, 3)],
			"bands": [
				{"risk_level": "Major", "lower_bound": 9, "lower_inclusive": 1, "no_upper_bound": 1},
				{"risk_level": "Significant", "lower_bound": 6, "lower_inclusive": 1, "upper_bound": 9},
				{"risk_level": "General", "lower_bound": 3, "lower_inclusive": 1, "upper_bound": 6},
				{"risk_level": "Low", "lower_bound": 0, "lower_inclusive": 1, "upper_bound": 3},
			],
		}
	).insert()
	row = {
		"step_or_item": "Step",
		"hazard": "Hazard",
		"accident_type": "GB6441-1986-20",
		"factor_1": "2",
		"factor_2": "3",
	}
	doc = draft(org, point, [row], method="HS")
	assert (doc.rows[0].score, doc.rows[0].risk_level) == (6, "Significant")
	approve_through_workflow(doc.name, org)
	event = frappe.get_doc(
		"Risk Event", frappe.db.get_value("Risk Assessment Row", doc.rows[0].name, "risk_event")
	)
	assert (event.evaluation_method, event.factor_values, event.score, event.risk_level) == (
		"HS",
		"H=2 × S=3",
		6,
		"Significant",
	)


def test_major_hazard_installation_needs_its_three_responsible_persons(org):
	frappe.set_user(org.user("officer"))
	with pytest.raises(frappe.ValidationError) as e:
		make_risk_point(
			org.dept["a"], is_major_hazard_installation=1, main_responsible_person=org.employees["principal"]
		)
	assert message(e) == (
		"A major hazard installation needs its three 包保 responsible persons; missing: "
		"Technical Responsible Person (包保), Operating Responsible Person (包保)"
	)


# --- the workflow, transition by transition ------------------------------------------
def test_the_full_chain_records_analyst_reviewer_and_approver(org, point):
	doc = draft(org, point)
	act(doc.name, "Submit for Review", org.user("officer"))
	act(doc.name, "Review", org.user("lead_a"))
	act(doc.name, "Approve", org.user("manager"))
	doc.reload()
	assert (doc.docstatus, doc.status, doc.workflow_state) == (1, "Approved", "Approved")
	assert (doc.analyst, doc.reviewer, doc.approver) == (
		org.user("officer"),
		org.user("lead_a"),
		org.user("manager"),
	)
	assert doc.analysed_on and doc.reviewed_on and doc.approved_on
	assert doc.is_current == 1


@pytest.mark.parametrize(
	"state_actions,action,allowed,refused",
	[
		([], "Submit for Review", "officer", "employee_a"),
		([], "Submit for Review", "lead_a", "inspector_a"),
		(["Submit for Review"], "Review", "lead_a", "officer"),
		(["Submit for Review"], "Reject", "lead_a", "manager"),
		(["Submit for Review", "Review"], "Approve", "manager", "lead_a"),
		(["Submit for Review", "Review"], "Reject", "manager", "officer"),
	],
)
def test_each_transition_is_allowed_for_its_role_and_refused_for_another(
	org, point, state_actions, action, allowed, refused
):
	doc = draft(org, point)
	actors = {"Submit for Review": "officer", "Review": "lead_a"}
	for earlier in state_actions:
		act(doc.name, earlier, org.user(actors[earlier]))
	before = frappe.db.get_value("Risk Assessment", doc.name, "status")
	with pytest.raises((WorkflowTransitionError, frappe.PermissionError)):
		act(doc.name, action, org.user(refused))
	assert frappe.db.get_value("Risk Assessment", doc.name, "status") == before
	act(doc.name, action, org.user(allowed))
	assert frappe.db.get_value("Risk Assessment", doc.name, "status") != before


def test_status_cannot_be_set_around_the_workflow(org, point):
	doc = draft(org, point)
	frappe.set_user(org.user("officer"))
	doc.reload()
	doc.status = "Pending Approval"
	with pytest.raises(StatusChangeError, match="only through its workflow actions"):
		doc.save()
	assert frappe.db.get_value("Risk Assessment", doc.name, "status") == "Draft"


def test_major_risk_is_approved_by_the_company_principal_not_the_safety_manager(org, point):
	doc = draft(org, point, [lec_row(3, 6, 40)])
	act(doc.name, "Submit for Review", org.user("officer"))
	act(doc.name, "Review", org.user("lead_a"))
	with pytest.raises(WorkflowTransitionError):
		act(doc.name, "Approve", org.user("manager"))
	act(doc.name, "Approve", org.user("principal"))
	assert frappe.db.get_value("Risk Assessment", doc.name, ["status", "approver"]) == (
		"Approved",
		org.user("principal"),
	)


def test_reject_sends_the_assessment_back_to_draft(org, point):
	doc = draft(org, point)
	act(doc.name, "Submit for Review", org.user("officer"))
	act(doc.name, "Reject", org.user("lead_a"))
	doc.reload()
	assert (doc.status, doc.workflow_state, doc.docstatus) == ("Draft", "Draft", 0)
	assert doc.last_rejected_by == org.user("lead_a") and not doc.analyst


def test_the_reviewer_cannot_be_the_analyst(org, point):
	doc = draft(org, point)
	act(doc.name, "Submit for Review", org.user("lead_a"))
	with pytest.raises(SignOffError) as e:
		act(doc.name, "Review", org.user("lead_a"))
	assert "The reviewer cannot be the analyst" in message(e)
	assert frappe.db.get_value("Risk Assessment", doc.name, "status") == "Pending Review"


def test_the_approver_cannot_be_the_reviewer(org, point):
	both = make_user(roles=["Department Safety Lead", "Safety Manager"])
	doc = draft(org, point)
	act(doc.name, "Submit for Review", org.user("officer"))
	act(doc.name, "Review", both)
	with pytest.raises(SignOffError) as e:
		act(doc.name, "Approve", both)
	assert "The approver cannot be the reviewer" in message(e)
	assert frappe.db.get_value("Risk Assessment", doc.name, "docstatus") == 0


def test_the_approver_cannot_be_the_analyst(org, point):
	both = make_user(roles=["Safety Officer", "Safety Manager"])
	frappe.set_user(both)
	doc = make_assessment(point, [lec_row()])
	act(doc.name, "Submit for Review", both)
	act(doc.name, "Review", org.user("lead_a"))
	with pytest.raises(SignOffError) as e:
		act(doc.name, "Approve", both)
	assert "The approver cannot be the analyst" in message(e)


def test_a_draft_to_approved_shortcut_added_to_the_workflow_is_still_refused(org, point):
	workflow = frappe.get_doc("Workflow", {"document_type": "Risk Assessment"})
	workflow.append(
		"transitions",
		{"state": "Draft", "action": "Approve", "next_state": "Approved", "allowed": "Safety Manager"},
	)
	workflow.save()
	doc = draft(org, point)
	with pytest.raises(SignOffError) as e:
		act(doc.name, "Approve", org.user("manager"))
	assert "cannot move from Draft to Approved; it must be Pending Approval first" in message(e)
	act(doc.name, "Submit for Review", org.user("officer"))
	workflow.append(
		"transitions",
		{
			"state": "Pending Review",
			"action": "Approve",
			"next_state": "Approved",
			"allowed": "Safety Manager",
		},
	)
	workflow.save()
	with pytest.raises(SignOffError) as e:
		act(doc.name, "Approve", org.user("manager"))
	assert "cannot move from Pending Review to Approved; it must be Pending Approval first" in message(e)
	assert frappe.db.get_value("Risk Assessment", doc.name, "docstatus") == 0
	assert not frappe.db.exists("Risk Event", {"risk_assessment": doc.name})


# --- approval, the register and revisions ----------------------------------------------
def test_approval_creates_the_live_events_and_measures(org, point):
	row = lec_row(
		1,
		6,
		40,
		existing_engineering="1. DCS trip\n2. PSV-201",
		existing_training="Certified operators",
		recommended_management="- Alarm management review",
	)
	doc = draft(org, point, [row])
	approve_through_workflow(doc.name, org)
	events = frappe.get_all(
		"Risk Event", {"risk_assessment": doc.name}, ["name", "risk_level", "control_level", "status"]
	)
	assert [(e.risk_level, e.control_level, e.status) for e in events] == [
		("Significant", "Workshop Level", "Active")
	]
	measures = frappe.get_all(
		"Control Measure",
		{"risk_event": events[0].name},
		["measure_class", "description", "status", "source"],
		order_by="creation",
	)
	assert sorted((m.measure_class, m.description, m.status) for m in measures) == [
		("Engineering Technical Measures", "DCS trip", "Active"),
		("Engineering Technical Measures", "PSV-201", "Active"),
		("Management Measures", "Alarm management review", "Planned"),
		("Training and Education Measures", "Certified operators", "Active"),
	]
	p = frappe.get_doc("Risk Point", point)
	assert (p.current_risk_level, p.current_control_level, p.live_event_count, p.current_assessment) == (
		"Significant",
		"Workshop Level",
		1,
		doc.name,
	)
	assert p.last_review_date == getdate(nowdate())
	assert p.review_due_date == getdate(add_months(nowdate(), 12))


def test_an_approved_assessment_cannot_be_changed_or_cancelled(org, point):
	doc = draft(org, point)
	approve_through_workflow(doc.name, org)
	doc = frappe.get_doc("Risk Assessment", doc.name)
	doc.rows[0].hazard = "Changed"
	frappe.set_user(org.user("manager"))
	with pytest.raises(frappe.UpdateAfterSubmitError):
		doc.save()
	frappe.set_user("Administrator")
	with pytest.raises(AssessmentStateError):
		frappe.get_doc("Risk Assessment", doc.name).cancel()


def test_a_new_assessment_of_an_assessed_point_must_be_a_revision(org, point):
	approve_through_workflow(draft(org, point).name, org)
	frappe.set_user(org.user("officer"))
	with pytest.raises(AssessmentStateError) as e:
		make_assessment(point, [lec_row()])
	assert "use Revise" in message(e)


def test_only_one_assessment_in_progress_per_point(org, point):
	draft(org, point)
	frappe.set_user(org.user("officer"))
	with pytest.raises(AssessmentStateError, match="already has an assessment in progress"):
		make_assessment(point, [lec_row()])


def test_revise_approve_supersede_keeps_history(org, point):
	first = draft(org, point, [lec_row(3, 6, 7, full=True)])  # 126 General
	approve_through_workflow(first.name, org)
	first_events = frappe.get_all("Risk Event", {"risk_assessment": first.name}, pluck="name")
	first_measures = frappe.get_all("Control Measure", {"risk_event": ("in", first_events)}, pluck="name")
	assert len(first_measures) == 7  # one line each of the full row's measure fields

	frappe.set_user(org.user("officer"))
	second_name = frappe.get_doc("Risk Assessment", first.name).revise(reason="Process Change")
	assert (
		frappe.get_doc("Risk Assessment", first.name).revise() == second_name
	)  # the open draft, not another
	second = frappe.get_doc("Risk Assessment", second_name)
	assert (second.previous_revision, second.revision_no, second.status, second.reassessment_reason) == (
		first.name,
		2,
		"Draft",
		"Process Change",
	)
	assert [r.risk_event for r in second.rows] == [None]
	second.rows[0].factor_1 = "6"  # 6 × 6 × 7 = 252 Significant
	second.rows[0].control_level = None
	second.save()
	frappe.set_user("Administrator")

	# the current revision stays live until the new one is approved
	assert frappe.db.get_value("Risk Assessment", first.name, ["status", "is_current"]) == ("Approved", 1)
	assert frappe.db.get_value("Risk Point", point, "current_risk_level") == "General"

	approve_through_workflow(second_name, org)
	assert frappe.db.get_value("Risk Assessment", first.name, ["status", "is_current", "superseded_by"]) == (
		"Superseded",
		0,
		second_name,
	)
	assert frappe.db.get_value("Risk Assessment", second_name, ["status", "is_current"]) == ("Approved", 1)
	assert {frappe.db.get_value("Risk Event", e, "status") for e in first_events} == {"Archived"}
	assert {frappe.db.get_value("Control Measure", m, "status") for m in first_measures} == {"Archived"}
	live = frappe.get_all(
		"Risk Event", {"risk_point": point, "status": "Active"}, ["risk_assessment", "score", "risk_level"]
	)
	assert [(e.risk_assessment, e.score, e.risk_level) for e in live] == [(second_name, 252, "Significant")]
	assert frappe.db.get_value("Risk Point", point, ["current_risk_level", "current_assessment"]) == (
		"Significant",
		second_name,
	)
	history = frappe.get_all("Risk Event", {"risk_point": point}, pluck="status")
	assert sorted(history) == ["Active", "Archived"]


def test_a_superseded_revision_cannot_be_revised(org, point):
	first = draft(org, point)
	approve_through_workflow(first.name, org)
	frappe.set_user(org.user("officer"))
	second = frappe.get_doc("Risk Assessment", first.name).revise()
	frappe.set_user("Administrator")
	approve_through_workflow(second, org)
	frappe.set_user(org.user("officer"))
	with pytest.raises(frappe.ValidationError, match="Only the current approved revision"):
		frappe.get_doc("Risk Assessment", first.name).revise()


# --- the roll-up over the tree -------------------------------------------------------------
def test_level_rolls_up_across_a_three_level_tree(org):
	frappe.set_user(org.user("officer"))
	top = make_risk_point(org.dept["a"], is_group=1, risk_point_type="Area / Site")
	middle = make_risk_point(org.dept["a"], parent=top, is_group=1, risk_point_type="Area / Site")
	leaf = make_risk_point(org.dept["a"], parent=middle)
	frappe.set_user("Administrator")

	approve_through_workflow(draft(org, top, [lec_row(10, 2, 1)]).name, org)  # 20 Low on the group itself
	assert frappe.db.get_value("Risk Point", top, "current_risk_level") == "Low"

	approve_through_workflow(draft(org, leaf, [lec_row(3, 6, 7)]).name, org)  # 126 General
	levels = lambda: [frappe.db.get_value("Risk Point", p, "current_risk_level") for p in (top, middle, leaf)]  # noqa: E731
	assert levels() == ["General", "General", "General"]

	approve_through_workflow(draft(org, middle, [lec_row(1, 6, 40)]).name, org)  # 240 Significant
	assert levels() == ["Significant", "Significant", "General"]
	assert frappe.db.get_value("Risk Point", top, "current_control_level") == "Workshop Level"

	frappe.set_user(org.user("officer"))
	m = frappe.get_doc("Risk Point", middle)
	m.status = "Retired"
	m.save()
	frappe.set_user("Administrator")
	assert levels()[:2] == ["Low", None]
	assert frappe.db.get_value("Risk Event", {"risk_point": middle}, "status") == "Archived"


# --- events and re-assessment -------------------------------------------------------------
def test_event_level_cannot_be_edited_and_control_level_only_raised(org, point):
	doc = draft(org, point, [lec_row(3, 6, 7, existing_management="Pre-shift check")])
	approve_through_workflow(doc.name, org)
	event = frappe.get_doc("Risk Event", {"risk_assessment": doc.name})
	frappe.set_user(org.user("officer"))
	event.risk_level = "Low"
	with pytest.raises(frappe.ValidationError, match="revise the assessment"):
		event.save()
	event.reload()
	event.control_level = "Post Level"
	with pytest.raises(ControlLevelError):
		event.save()
	event.reload()
	event.control_level = "Workshop Level"
	event.save()
	frappe.set_user("Administrator")
	assert frappe.db.get_value("Risk Point", point, "current_control_level") == "Workshop Level"
	assert frappe.get_all("Control Measure", {"risk_event": event.name}, pluck="control_level") == [
		"Workshop Level"
	]


def test_needs_reassessment_records_the_reason_and_makes_the_review_due(org, point):
	approve_through_workflow(draft(org, point).name, org)
	frappe.set_user(org.user("officer"))
	p = frappe.get_doc("Risk Point", point)
	p.mark_needs_reassessment("Incident", "Near miss on 3 May")
	p.reload()
	assert (p.needs_reassessment, p.reassessment_reason, p.review_due_date) == (
		1,
		"Incident",
		getdate(nowdate()),
	)
	with pytest.raises(frappe.ValidationError, match="Re-assessment Reason must be one of"):
		p.mark_needs_reassessment("Because")
	revision = frappe.get_doc("Risk Assessment", p.current_assessment).revise()
	assert frappe.db.get_value("Risk Assessment", revision, "reassessment_reason") == "Incident"
	frappe.set_user("Administrator")
	approve_through_workflow(revision, org)
	assert frappe.db.get_value("Risk Point", point, ["needs_reassessment", "reassessment_reason"]) == (
		0,
		None,
	)


def test_employee_cannot_mark_a_point_for_reassessment(org):
	frappe.set_user(org.user("officer"))
	point = make_risk_point(org.dept["a1"])
	frappe.set_user(org.user("employee_a"))
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc("Risk Point", point).mark_needs_reassessment("Incident")


def test_unique_codes(org):
	code = unique("RP-")
	frappe.set_user(org.user("officer"))
	make_risk_point(org.dept["a"], code=code)
	with pytest.raises(frappe.DuplicateEntryError):
		make_risk_point(org.dept["a"], code=code)


def test_install_keeps_an_administrators_workflow_changes():
	from dual_system.setup.workflows import create_default_workflows

	workflow = frappe.get_doc("Workflow", {"document_type": "Risk Assessment"})
	workflow.transitions = [t for t in workflow.transitions if t.action != "Reject"]
	workflow.save()
	create_default_workflows()
	again = frappe.get_doc("Workflow", workflow.name)
	assert not [t for t in again.transitions if t.action == "Reject"]
	assert frappe.db.count("Workflow", {"document_type": "Risk Assessment"}) == 1


def test_measures_show_their_events_level_and_control_level(org, point):
	doc = draft(org, point, [lec_row(1, 6, 40, existing_engineering="SIS trip")])
	approve_through_workflow(doc.name, org)
	measure = frappe.get_doc("Control Measure", {"description": "SIS trip"})
	assert (measure.risk_level, measure.control_level, measure.measure_class) == (
		"Significant",
		"Workshop Level",
		"Engineering Technical Measures",
	)
