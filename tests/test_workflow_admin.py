"""What an administrator may do to the app's workflows in the desk: a state that would
write a value the document type does not accept is refused when the Workflow is saved,
and the README's recipe for a committee step works with the controllers' invariants."""

import frappe
import pytest
from ds_testkit import act, lec_row, make_assessment, make_risk_point, make_user
from frappe.model.workflow import WorkflowTransitionError
from frappe.permissions import add_permission, update_permission_property
from frappe.utils import strip_html

from dual_system.services.signoff import SignOffError
from dual_system.services.workflow_guard import WorkflowStateValueError, validate_workflow

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def workflow():
	yield frappe.get_doc("Workflow", {"document_type": "Risk Assessment"})
	# Workflow.on_update clears the doctype's cache; the rollback must not leave it stale
	frappe.db.rollback()
	frappe.clear_cache(doctype="Risk Assessment")


def state(workflow, update_value):
	return next(row for row in workflow.states if row.update_value == update_value)


def refused(workflow) -> str:
	with pytest.raises(WorkflowStateValueError) as e:
		workflow.save()
	return strip_html(str(e.value))


def test_a_mistyped_status_is_refused_naming_the_allowed_values(workflow):
	state(workflow, "Pending Approval").update_value = "Aproved"
	message = refused(workflow)
	assert "sets Status to Aproved" in message
	assert "Allowed values: Draft, Pending Review, Pending Approval, Approved" in message
	assert "Aproved" not in frappe.get_all(
		"Workflow Document State", {"parent": workflow.name}, pluck="update_value"
	)


def test_superseded_is_kept_for_revisions(workflow):
	state(workflow, "Draft").update_value = "Superseded"
	assert "does not accept" in refused(workflow)


def test_an_empty_value_is_refused(workflow):
	state(workflow, "Pending Review").update_value = ""
	assert "sets Status to (empty)" in refused(workflow)


@pytest.mark.parametrize("fieldname", ["approver", "highest_level", "no_such_field", "rows"])
def test_a_state_may_set_only_the_status(workflow, fieldname):
	row = state(workflow, "Pending Review")
	row.update_field, row.update_value = fieldname, "x"
	message = refused(workflow)
	assert "which a workflow may not set on Risk Assessment. Fields a state may set: status" in message


def test_approved_goes_with_a_submitted_document(workflow):
	state(workflow, "Pending Approval").update_value = "Approved"
	assert "goes with document status 1 (Submitted)" in refused(workflow)
	workflow.reload()
	state(workflow, "Approved").update_value = "Pending Approval"
	assert "goes with document status 0 (Draft)" in refused(workflow)


def test_the_refusal_reaches_a_chinese_administrator_in_chinese(workflow):
	state(workflow, "Pending Approval").update_value = "Aproved"
	frappe.local.lang = "zh"
	try:
		message = refused(workflow)
	finally:
		frappe.local.lang = "en"
	assert "允许的值" in message and "Draft, Pending Review, Pending Approval, Approved" in message


def test_workflows_of_other_doctypes_are_left_to_frappe():
	todo = frappe.get_doc(
		{
			"doctype": "Workflow",
			"workflow_name": "ToDo test",
			"document_type": "ToDo",
			"states": [
				{"state": "Draft", "doc_status": "0", "update_field": "status", "update_value": "Whatever"}
			],
		}
	)
	validate_workflow(todo)


def test_the_default_workflow_saves_as_shipped(workflow):
	workflow.save()


# --- the README's committee step ------------------------------------------------------------
def add_committee_step(workflow):
	"""README, "Add a committee step": major risks go from Pending Review to a Safety
	Committee, whose review is the recorded one; the status stays Pending Review meanwhile."""
	if not frappe.db.exists("Role", "Safety Committee"):
		frappe.get_doc({"doctype": "Role", "role_name": "Safety Committee", "desk_access": 1}).insert()
	add_permission("Risk Assessment", "Safety Committee")
	update_permission_property("Risk Assessment", "Safety Committee", 0, "write", 1)
	for name, doctype, field in (
		("Committee Review", "Workflow State", "workflow_state_name"),
		("Refer to Committee", "Workflow Action Master", "workflow_action_name"),
	):
		if not frappe.db.exists(doctype, name):
			frappe.get_doc({"doctype": doctype, field: name}).insert()
	workflow.append(
		"states",
		{
			"state": "Committee Review",
			"doc_status": "0",
			"allow_edit": "Safety Committee",
			"update_field": "status",
			"update_value": "Pending Review",
		},
	)
	for row in workflow.transitions:
		if row.state == "Pending Review" and row.action == "Review":
			row.condition = "not doc.has_major_risk"
	transitions = [
		(
			"Pending Review",
			"Refer to Committee",
			"Committee Review",
			"Department Safety Lead",
			"doc.has_major_risk",
		),
		("Committee Review", "Review", "Pending Approval", "Safety Committee", None),
		("Committee Review", "Reject", "Draft", "Safety Committee", None),
	]
	for current, action, next_state, role, condition in transitions:
		workflow.append(
			"transitions",
			{
				"state": current,
				"action": action,
				"next_state": next_state,
				"allowed": role,
				"condition": condition,
			},
		)
	workflow.save()


def committee_member(org):
	user = make_user(roles=["Safety Committee"])
	frappe.get_doc(
		{"doctype": "Safety User Scope", "user": user, "departments": [{"department": org.dept["a"]}]}
	).insert()
	return user


def major_draft(org):
	frappe.set_user(org.user("officer"))
	try:
		point = make_risk_point(org.dept["a"])
		return make_assessment(point, [lec_row(3, 6, 40)]).name
	finally:
		frappe.set_user("Administrator")


def test_a_committee_step_reviews_major_risks_and_keeps_the_sign_off_rules(org, workflow):
	add_committee_step(workflow)
	member = committee_member(org)
	name = major_draft(org)
	act(name, "Submit for Review", org.user("officer"))
	with pytest.raises(WorkflowTransitionError):
		act(name, "Review", org.user("lead_a"))  # majors go to the committee
	act(name, "Refer to Committee", org.user("lead_a"))
	doc = frappe.get_doc("Risk Assessment", name)
	assert (doc.workflow_state, doc.status, doc.reviewer) == ("Committee Review", "Pending Review", None)
	# a careless shortcut from the committee straight to approval is still refused: not reviewed yet
	workflow.append(
		"transitions",
		{
			"state": "Committee Review",
			"action": "Approve",
			"next_state": "Approved",
			"allowed": "Company Principal",
		},
	)
	workflow.save()
	with pytest.raises(SignOffError, match="cannot move from Pending Review to Approved"):
		act(name, "Approve", org.user("principal"))
	act(name, "Review", member)
	act(name, "Approve", org.user("principal"))
	doc.reload()
	assert (doc.docstatus, doc.status) == (1, "Approved")
	assert (doc.analyst, doc.reviewer, doc.approver) == (org.user("officer"), member, org.user("principal"))


def test_the_committee_cannot_review_its_own_analysis(org, workflow):
	add_committee_step(workflow)
	member = committee_member(org)
	frappe.get_doc("User", member).add_roles("Safety Officer")
	frappe.set_user(member)
	point = make_risk_point(org.dept["a"])
	name = make_assessment(point, [lec_row(3, 6, 40)]).name
	frappe.set_user("Administrator")
	act(name, "Submit for Review", member)
	act(name, "Refer to Committee", org.user("lead_a"))
	with pytest.raises(SignOffError):
		act(name, "Review", member)


def test_a_committee_rejection_returns_the_assessment_to_draft(org, workflow):
	add_committee_step(workflow)
	member = committee_member(org)
	name = major_draft(org)
	act(name, "Submit for Review", org.user("officer"))
	act(name, "Refer to Committee", org.user("lead_a"))
	act(name, "Reject", member)
	doc = frappe.get_doc("Risk Assessment", name)
	assert (doc.status, doc.workflow_state, doc.last_rejected_by, doc.analyst) == (
		"Draft",
		"Draft",
		member,
		None,
	)
