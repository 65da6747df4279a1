"""Hazard tickets through the doctype and the default workflow, as the people who use
them: the closed loop, every invariant refused once, extensions, majors, recurrence and
anonymous reports. Database tests, rolled back."""

import frappe
import pytest
from ds_testkit import (
	act,
	approve_through_workflow,
	lec_row,
	make_assessment,
	make_risk_point,
	make_staff,
)
from frappe.model.workflow import WorkflowTransitionError
from frappe.utils import add_days, getdate, now_datetime, nowdate, strip_html

from dual_system.services import hazard
from dual_system.services.hazard import (
	ClosureError,
	DeadlineError,
	ExtensionError,
	FiveImplementationsError,
	GovernancePlanError,
	HazardLinkError,
	HazardTicketError,
	MajorHazardError,
)
from dual_system.services.signoff import RecordedFieldError, SignOffError, StatusChangeError
from dual_system.setup.demo_hazard import PIXEL

pytestmark = pytest.mark.usefixtures("db")
PHOTO = "/files/hazard-photo.jpg"


def message(excinfo) -> str:
	return strip_html(str(excinfo.value))


@pytest.fixture
def plant(org):
	"""A risk point of team A1 with an approved assessment: one event, its measures."""
	frappe.set_user(org.user("officer"))
	point = make_risk_point(org.dept["a1"])
	assessment = make_assessment(point, [lec_row(3, 6, 7, full=True)])
	frappe.set_user("Administrator")
	approve_through_workflow(assessment.name, org)
	event = frappe.get_all("Risk Event", {"risk_point": point}, pluck="name")[0]
	measure = frappe.get_all("Control Measure", {"risk_event": event}, pluck="name", order_by="name")[0]
	return frappe._dict(point=point, event=event, measure=measure)


@pytest.fixture
def owner(org):
	"""A rectification owner of team A1 (user, employee)."""
	return make_staff(["Rectification Owner"], org.dept["a1"], org.company, name="Owner A1")


def report(user, **values):
	frappe.set_user(user)
	try:
		return hazard.raise_ticket({"description": "Gas detector in fault", **values})
	finally:
		frappe.set_user("Administrator")


def edit(name, user, **values):
	frappe.set_user(user)
	try:
		doc = frappe.get_doc("Hazard Ticket", name)
		doc.update(values)
		doc.save()
		return doc
	finally:
		frappe.set_user("Administrator")


def ticket(name):
	return frappe.get_doc("Hazard Ticket", name)


def grade_general(name, org, owner, level="Team", **extra):
	return edit(
		name,
		org.user("lead_a"),
		grade="General",
		internal_level=level,
		handling="By Deadline",
		rectification_owner=owner[1],
		rectification_measures="Replace the detector head",
		funds=500,
		contingency_measures="Portable gas checks every 2 h; hot-work ban",
		**extra,
	)


def to_awaiting_acceptance(org, plant, owner):
	name = report(org.user("employee_a"), risk_point=plant.point)
	act(name, "Register", org.user("lead_a"), "Hazard Ticket")
	grade_general(name, org, owner)
	act(name, "Assign", org.user("lead_a"), "Hazard Ticket")
	act(name, "Start Rectification", owner[0], "Hazard Ticket")
	edit(name, owner[0], photo_after=PHOTO)
	act(name, "Submit for Acceptance", owner[0], "Hazard Ticket")
	return name


# --- the loop -----------------------------------------------------------------------------
def test_a_general_ticket_goes_round_the_loop(org, plant, owner):
	name = to_awaiting_acceptance(org, plant, owner)
	act(name, "Accept", org.user("lead_a"), "Hazard Ticket")
	doc = ticket(name)
	assert doc.status == "Closed" and doc.accepted == 1
	assert doc.finder_user == org.user("employee_a") and doc.finder == org.employees["employee_a"]
	assert doc.registered_by == org.user("lead_a") and doc.assigned_by == org.user("lead_a")
	assert doc.rectified_by == owner[0] and doc.acceptor == org.user("lead_a")
	assert doc.rectification_owner_user == owner[0]
	assert doc.closed_by == org.user("lead_a") and str(doc.closed_on) == nowdate()
	assert doc.department == org.dept["a1"] and doc.company == org.company
	# team deadline from Settings (3 days)
	assert getdate(doc.deadline) == getdate(add_days(getdate(doc.date_found), 3))
	assert doc.completion_date


def test_the_name_is_a_series_per_company_and_year(org, plant):
	name = report(org.user("employee_a"), risk_point=plant.point)
	abbr = frappe.db.get_value("Company", org.company, "abbr")
	assert name.startswith(f"HT-{abbr}-{now_datetime().year}-")


def test_raise_ticket_drops_fields_the_doctype_lacks_and_starts_reported(org, plant):
	name = report(
		org.user("inspector_a"),
		risk_point=plant.point,
		risk_event=plant.event,
		control_measure=plant.measure,
		source="Failed Control Measure",
		photo_before=PHOTO,
		column_from_another_app="ignored",
		status="Closed",
		acceptor=org.user("inspector_a"),
	)
	doc = ticket(name)
	assert (doc.status, doc.workflow_state, doc.acceptor) == ("Reported", "Reported", None)
	assert doc.source == "Failed Control Measure" and doc.control_measure == plant.measure


def test_a_rejected_acceptance_goes_back_to_rectifying_with_history(org, plant, owner):
	name = to_awaiting_acceptance(org, plant, owner)
	edit(name, org.user("lead_a"), acceptance_comment="Detector still reads zero")
	act(name, "Reject", org.user("lead_a"), "Hazard Ticket")
	doc = ticket(name)
	assert doc.status == "Rectifying" and not doc.rectified_by and not doc.accepted
	comments = frappe.get_all(
		"Comment", {"reference_doctype": "Hazard Ticket", "reference_name": name}, pluck="content"
	)
	assert any("Detector still reads zero" in c for c in comments)


def test_a_closed_ticket_is_reopened_by_the_safety_manager(org, plant, owner):
	name = to_awaiting_acceptance(org, plant, owner)
	act(name, "Accept", org.user("lead_a"), "Hazard Ticket")
	act(name, "Reopen", org.user("manager"), "Hazard Ticket")
	doc = ticket(name)
	assert doc.status == "Rectifying" and not doc.accepted and not doc.closed_by and not doc.acceptor


# --- invariants ---------------------------------------------------------------------------
def test_assigning_needs_grade_and_handling(org, plant):
	name = report(org.user("employee_a"), risk_point=plant.point)
	act(name, "Register", org.user("lead_a"), "Hazard Ticket")
	with pytest.raises(HazardTicketError) as e:
		act(name, "Assign", org.user("lead_a"), "Hazard Ticket")
	assert "Grade" in message(e) and "Handling" in message(e)
	assert ticket(name).status == "Registered"


def test_rectifying_a_deadline_ticket_needs_the_five_implementations(org, plant, owner):
	name = report(org.user("employee_a"), risk_point=plant.point)
	act(name, "Register", org.user("lead_a"), "Hazard Ticket")
	edit(name, org.user("lead_a"), grade="General", internal_level="Team", handling="By Deadline")
	act(name, "Assign", org.user("lead_a"), "Hazard Ticket")
	with pytest.raises(FiveImplementationsError) as e:
		act(name, "Start Rectification", org.user("lead_a"), "Hazard Ticket")
	for missing in ("Rectification Owner", "Rectification Measures", "Contingency Measures"):
		assert missing in message(e)
	assert ticket(name).status == "Assigned"


def test_a_deadline_before_the_date_found_is_refused(org, plant):
	with pytest.raises(DeadlineError):
		report(org.user("employee_a"), risk_point=plant.point, deadline=add_days(nowdate(), -1))


def test_negative_funds_are_refused(org, plant):
	with pytest.raises(frappe.ValidationError):
		report(org.user("employee_a"), risk_point=plant.point, funds=-1)


def test_the_rectifier_cannot_accept_its_own_rectification(org, plant, owner):
	name = report(org.user("employee_a"), risk_point=plant.point)
	act(name, "Register", org.user("officer"), "Hazard Ticket")
	grade_general(name, org, owner)
	act(name, "Assign", org.user("officer"), "Hazard Ticket")
	act(name, "Start Rectification", org.user("lead_a"), "Hazard Ticket")
	edit(name, org.user("lead_a"), photo_after=PHOTO)
	act(name, "Submit for Acceptance", org.user("lead_a"), "Hazard Ticket")
	with pytest.raises(SignOffError):
		act(name, "Accept", org.user("lead_a"), "Hazard Ticket")
	assert ticket(name).status == "Awaiting Acceptance"
	act(name, "Accept", org.user("officer"), "Hazard Ticket")
	assert ticket(name).status == "Closed"


def test_closing_needs_the_after_photo(org, plant, owner):
	name = report(org.user("employee_a"), risk_point=plant.point)
	act(name, "Register", org.user("lead_a"), "Hazard Ticket")
	grade_general(name, org, owner)
	act(name, "Assign", org.user("lead_a"), "Hazard Ticket")
	act(name, "Start Rectification", owner[0], "Hazard Ticket")
	act(name, "Submit for Acceptance", owner[0], "Hazard Ticket")
	with pytest.raises(ClosureError) as e:
		act(name, "Accept", org.user("lead_a"), "Hazard Ticket")
	assert "Photo After" in message(e)


def test_status_and_recorded_fields_are_not_set_by_hand(org, plant, owner):
	name = to_awaiting_acceptance(org, plant, owner)
	frappe.set_user(org.user("lead_a"))
	with pytest.raises(StatusChangeError):
		frappe.client.set_value("Hazard Ticket", name, "status", "Closed")
	with pytest.raises(RecordedFieldError):
		frappe.client.set_value("Hazard Ticket", name, "acceptor", org.user("manager"))
	with pytest.raises(RecordedFieldError):
		frappe.client.set_value("Hazard Ticket", name, "accepted", 1)
	with pytest.raises(FiveImplementationsError):
		frappe.client.set_value("Hazard Ticket", name, "rectification_measures", "")
	frappe.set_user("Administrator")
	assert ticket(name).status == "Awaiting Acceptance"


def test_a_deadline_under_rectification_moves_only_by_an_approved_extension(org, plant, owner):
	name = report(org.user("employee_a"), risk_point=plant.point)
	act(name, "Register", org.user("lead_a"), "Hazard Ticket")
	grade_general(name, org, owner)
	act(name, "Assign", org.user("lead_a"), "Hazard Ticket")
	act(name, "Start Rectification", owner[0], "Hazard Ticket")
	deadline = getdate(ticket(name).deadline)
	with pytest.raises(DeadlineError):
		edit(name, owner[0], deadline=add_days(deadline, 10))
	frappe.set_user(owner[0])
	with pytest.raises(ExtensionError):
		hazard.request_extension(name, " ", add_days(deadline, 10))
	row = hazard.request_extension(name, "Spare detector head on order", add_days(deadline, 10))
	with pytest.raises(ExtensionError):
		hazard.decide_extension(name, row, 1)  # the requester
	frappe.set_user(org.user("lead_a"))
	assert hazard.decide_extension(name, row, 1) == "Approved"
	frappe.set_user("Administrator")
	doc = ticket(name)
	assert getdate(doc.deadline) == add_days(deadline, 10)
	(extension,) = doc.extensions
	assert (extension.requested_by, extension.approved_by, extension.status) == (
		owner[0],
		org.user("lead_a"),
		"Approved",
	)
	assert getdate(extension.previous_deadline) == deadline
	# the history stays
	doc.extensions = []
	with pytest.raises(ExtensionError):
		doc.save()


# --- links ------------------------------------------------------------------------------------
def test_an_event_of_another_risk_point_is_refused(org, plant):
	frappe.set_user(org.user("officer"))
	other = make_risk_point(org.dept["a1"])
	frappe.set_user("Administrator")
	with pytest.raises(HazardLinkError):
		report(org.user("employee_a"), risk_point=other, risk_event=plant.event)


def test_the_measure_fills_its_event_and_point(org, plant):
	name = report(org.user("officer"), control_measure=plant.measure)
	doc = ticket(name)
	assert (doc.risk_event, doc.risk_point, doc.department) == (plant.event, plant.point, org.dept["a1"])


def test_an_unknown_risk_point_is_refused(org):
	with pytest.raises(frappe.ValidationError):
		report(org.user("officer"), risk_point="RP-DOES-NOT-EXIST", company=org.company)


def test_a_cost_center_of_another_company_is_refused(org, plant):
	other = frappe.get_all("Cost Center", {"company": ("!=", org.company)}, pluck="name", limit=1)
	if not other:
		pytest.skip("no other company's cost centre on this site")
	with pytest.raises(FiveImplementationsError):
		report(org.user("officer"), risk_point=plant.point, cost_center=other[0])


def test_a_script_in_the_description_is_not_stored(org, plant):
	name = report(
		org.user("employee_a"), risk_point=plant.point, description="Leak <script>alert(1)</script>"
	)
	assert "<script" not in ticket(name).description


# --- on the spot --------------------------------------------------------------------------------
def test_the_finder_closes_an_on_the_spot_ticket_in_one_step(org, plant):
	name = report(org.user("employee_a"), risk_point=plant.point, handling="On the Spot")
	frappe.set_user(org.user("employee_b"))
	with pytest.raises(frappe.PermissionError):
		hazard.close_on_the_spot(name, PHOTO)
	frappe.set_user(org.user("employee_a"))
	with pytest.raises(ClosureError):
		hazard.close_on_the_spot(name)  # no photo
	hazard.close_on_the_spot(name, PHOTO, "Jumper removed, cabinet sealed")
	frappe.set_user("Administrator")
	doc = ticket(name)
	assert (doc.status, doc.accepted, doc.rectified_by, doc.closed_by) == (
		"Closed",
		1,
		org.user("employee_a"),
		org.user("employee_a"),
	)
	assert doc.grade == "General" and doc.handling == "On the Spot"


def test_a_deadline_ticket_is_not_closed_on_the_spot(org, plant, owner):
	name = report(org.user("lead_a"), risk_point=plant.point)
	edit(name, org.user("lead_a"), grade="Major")
	frappe.set_user(org.user("lead_a"))
	with pytest.raises((ClosureError, WorkflowTransitionError, MajorHazardError)):
		hazard.close_on_the_spot(name, PHOTO)


# --- majors ---------------------------------------------------------------------------------------
def criterion(expert: int = 1) -> str:
	name = frappe.get_all("Major Hidden Danger Criterion", pluck="name", order_by="item_no", limit=1)[0]
	frappe.db.set_value("Major Hidden Danger Criterion", name, "requires_expert_evaluation", expert)
	return name


def major_assigned(org, plant, owner):
	name = report(
		org.user("employee_a"), risk_point=plant.point, description="Contractor entered T-104 without permit"
	)
	act(name, "Register", org.user("officer"), "Hazard Ticket")
	doc = edit(
		name,
		org.user("manager"),
		major_criterion=criterion(),
		handling="By Deadline",
		rectification_owner=owner[1],
		rectification_measures="Contractor rules, retraining, electronic permits",
		funds=30000,
		deadline=add_days(nowdate(), 15),
		contingency_measures="Tank entry suspended",
	)
	assert doc.grade == "Major"
	with pytest.raises(WorkflowTransitionError):
		act(name, "Assign", org.user("lead_a"), "Hazard Ticket")  # majors: the safety manager
	act(name, "Assign", org.user("manager"), "Hazard Ticket")
	return name


def plan(org, name, approver):
	frappe.set_user(org.user("officer"))
	doc = frappe.get_doc(
		{
			"doctype": "Hazard Governance Plan",
			"hazard_ticket": name,
			"objectives_and_tasks": "No entry without permit and gas test",
			"methods_and_measures": "Contractor rules; electronic permits",
			"funds_and_materials": "30k for the permit system",
			"funds": 30000,
			"responsible_body_and_people": "Safety department; workshop director",
			"time_limits_and_requirements": "15 days",
			"safety_and_emergency_measures": "Entry suspended; rescue tripod on site",
		}
	).insert()
	frappe.set_user(approver)
	try:
		doc.submit()
	finally:
		frappe.set_user("Administrator")
	return doc.name


def test_a_major_needs_work_stopped_and_an_approved_plan_before_rectifying(org, plant, owner):
	name = major_assigned(org, plant, owner)
	with pytest.raises(MajorHazardError) as e:
		act(name, "Start Rectification", owner[0], "Hazard Ticket")
	assert "Work Stopped" in message(e) and "Hazard Governance Plan" in message(e)
	with pytest.raises((GovernancePlanError, frappe.PermissionError)):
		plan(org, name, org.user("manager"))  # only a Company Principal approves
	plan_name = plan(org, name, org.user("principal"))
	assert frappe.db.get_value("Hazard Governance Plan", plan_name, "approved_by") == org.user("principal")
	assert ticket(name).governance_plan == plan_name
	edit(name, org.user("manager"), work_stopped=1, isolation_note="T-104 isolated")
	act(name, "Start Rectification", owner[0], "Hazard Ticket")
	edit(name, owner[0], photo_after=PHOTO)
	act(name, "Submit for Acceptance", owner[0], "Hazard Ticket")
	with pytest.raises(WorkflowTransitionError):
		act(name, "Accept", org.user("officer"), "Hazard Ticket")  # majors: the safety manager
	with pytest.raises(ClosureError) as e:
		act(name, "Accept", org.user("manager"), "Hazard Ticket")
	for missing in (
		"Reported to Authority",
		"Workers' Congress",
		"Evaluation Report",
		"Evaluated by Experts",
	):
		assert missing in message(e)
	edit(
		name,
		org.user("manager"),
		reported_to_authority=1,
		authority="County emergency management bureau",
		authority_report_date=nowdate(),
		reported_to_workers_congress=1,
		workers_congress_date=nowdate(),
		evaluation_by_experts=1,
		evaluation_report="/files/evaluation.pdf",
		evaluation_date=nowdate(),
	)
	act(name, "Accept", org.user("manager"), "Hazard Ticket")
	assert ticket(name).status == "Closed"


def test_a_criterion_makes_the_ticket_major(org, plant):
	name = report(org.user("officer"), risk_point=plant.point, major_criterion=criterion(0), grade="General")
	assert ticket(name).grade == "Major"


def test_a_plan_is_only_for_a_major(org, plant):
	name = report(org.user("officer"), risk_point=plant.point)
	with pytest.raises(GovernancePlanError):
		plan(org, name, org.user("principal"))


# --- recurrence ------------------------------------------------------------------------------------
def test_a_recurring_failed_measure_flags_its_risk_point_once(org, plant):
	frappe.db.set_value("Risk Point", plant.point, "responsible_employee", org.employees["lead_a"])
	first = report(org.user("inspector_a"), control_measure=plant.measure, source="Failed Control Measure")
	assert not frappe.db.get_value("Risk Point", plant.point, "needs_reassessment")
	second = report(org.user("inspector_a"), control_measure=plant.measure, source="Failed Control Measure")
	point = frappe.db.get_value(
		"Risk Point", plant.point, ["needs_reassessment", "reassessment_note"], as_dict=True
	)
	assert point.needs_reassessment == 1
	assert first in point.reassessment_note and second in point.reassessment_note
	report(org.user("inspector_a"), control_measure=plant.measure, source="Failed Control Measure")
	logs = frappe.get_all(
		"Safety Reminder Log", {"reference_name": plant.point, "reminder_type": "Hazard Recurrence"}
	)
	assert len(logs) == 1
	assert frappe.db.exists(
		"Notification Log", {"document_name": plant.point, "for_user": org.user("lead_a")}
	)


# --- anonymous --------------------------------------------------------------------------------------
def test_an_anonymous_report_leaves_no_trace_of_the_reporter(org, plant):
	reporter = org.user("employee_a")
	frappe.set_user(reporter)
	url = (
		frappe.get_doc({"doctype": "File", "file_name": "leak.png", "content": PIXEL, "is_private": 1})
		.insert()
		.file_url
	)
	frappe.set_user("Administrator")
	name = report(reporter, risk_point=plant.point, is_anonymous=1, photo_before=url)
	doc = ticket(name)
	assert (doc.finder, doc.finder_user) == (None, None)
	assert reporter not in (doc.owner, doc.modified_by)
	for doctype, field_doctype, field_name in (
		("Version", "ref_doctype", "docname"),
		("File", "attached_to_doctype", "attached_to_name"),
		("Comment", "reference_doctype", "reference_name"),
		("Activity Log", "reference_doctype", "reference_name"),
		("Notification Log", "document_type", "document_name"),
		("Workflow Action", "reference_doctype", "reference_name"),
	):
		rows = frappe.get_all(
			doctype, {field_doctype: "Hazard Ticket", field_name: name}, ["owner", "modified_by"]
		)
		assert all(reporter not in (r.owner, r.modified_by) for r in rows), doctype
	assert not frappe.db.exists("File", {"file_url": url, "owner": reporter})
	# and the reporter cannot read it back
	assert not frappe.has_permission("Hazard Ticket", "read", doc=name, user=reporter)


# --- demo ---------------------------------------------------------------------------------------------
def test_the_demo_hidden_dangers_reach_their_states_through_the_workflow(demo):
	from dual_system.setup.demo_hazard import build_hazard_demo

	tickets = build_hazard_demo(demo)
	states = {
		hd: frappe.db.get_value("Hazard Ticket", name, ["status", "grade"]) for hd, name in tickets.items()
	}
	assert states == {
		"HD-01": ("Closed", "General"),
		"HD-02": ("Closed", "General"),
		"HD-03": ("Rectifying", "Major"),
		"HD-04": ("Closed", "General"),
		"HD-05": ("Awaiting Acceptance", "Major"),
		"HD-06": ("Closed", "General"),
		"HD-07": ("Closed", "Major"),
	}
	hd04 = ticket(tickets["HD-04"])
	assert hd04.handling == "On the Spot" and hd04.closed_by == "press.operator@demo.example.com"
	for hd in ("HD-03", "HD-05", "HD-07"):
		doc = ticket(tickets[hd])
		assert doc.reported_to_authority and doc.work_stopped
		assert frappe.db.get_value("Hazard Governance Plan", doc.governance_plan, "approved_by") == (
			"principal@demo.example.com"
		)
	hd01 = ticket(tickets["HD-01"])
	assert (
		hd01.acceptor == "safety.officer@demo.example.com"
		and hd01.rectified_by == "maintenance@demo.example.com"
	)
	assert hd01.cost_center == frappe.db.get_value("Company", demo["company"], "cost_center")
	# loading again changes nothing
	assert build_hazard_demo(demo) == tickets


# --- funds on ERPNext ------------------------------------------------------------------------------------
def test_budget_status_shows_the_funds_against_the_cost_centres_budget(org, plant):
	from erpnext.accounts.utils import get_fiscal_year

	cost_center = frappe.db.get_value("Company", org.company, "cost_center")
	name = report(org.user("officer"), risk_point=plant.point, cost_center=cost_center, funds=5000)
	frappe.set_user(org.user("lead_a"))
	status = hazard.budget_status(name)
	assert (status["cost_center"], status["funds"], status["budget"]) == (cost_center, 5000, None)
	frappe.set_user(org.user("lead_b"))
	with pytest.raises(frappe.PermissionError):
		hazard.budget_status(name)
	frappe.set_user("Administrator")
	account = frappe.db.get_value(
		"Account", {"company": org.company, "root_type": "Expense", "is_group": 0}, "name"
	)
	fiscal_year = get_fiscal_year(nowdate(), company=org.company)[0]
	budget = frappe.get_doc(
		{
			"doctype": "Budget",
			"budget_against": "Cost Center",
			"cost_center": cost_center,
			"company": org.company,
			"fiscal_year": fiscal_year,
			"accounts": [{"account": account, "budget_amount": 100000}],
		}
	)
	budget.insert(ignore_permissions=True)
	budget.submit()
	report(org.user("officer"), risk_point=plant.point, cost_center=cost_center, funds=20000)
	frappe.set_user(org.user("lead_a"))
	status = hazard.budget_status(name)
	assert status["budget"] == budget.name and status["budget_amount"] == 100000
	assert status["other_tickets"] == 20000 and status["remaining"] == 75000
