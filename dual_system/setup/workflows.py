"""Default approval workflows, created on install only when absent.

An administrator reshapes them in the desk (Workflow / Workflow Builder);
``bench migrate`` never overwrites them. Each state writes the document's
``status`` field (update_field), and the controllers rely on that status, not
on state names. The invariants (analyst ≠ reviewer ≠ approver, reviewed before
approved) live in the controllers and hold whatever the workflow allows.
"""

import frappe


def _(message: str) -> str:
	return message


# state and action names, marked for translation (the desk shows them through __())
WORKFLOW_LABELS = (
	_("Draft"),
	_("Pending Review"),
	_("Pending Approval"),
	_("Approved"),
	_("Rejected"),
	_("Submit for Review"),
	_("Review"),
	_("Approve"),
	_("Reject"),
	_("Planned"),
	_("Completed"),
	_("Cancelled"),
	_("Complete"),
	_("Cancel Session"),
	_("Reported"),
	_("Registered"),
	_("Invalid"),
	_("Duplicate"),
	_("Assigned"),
	_("Rectifying"),
	_("Awaiting Acceptance"),
	_("Closed"),
	_("Register"),
	_("Mark Invalid"),
	_("Mark Duplicate"),
	_("Close on the Spot"),
	_("Assign"),
	_("Start Rectification"),
	_("Submit for Acceptance"),
	_("Accept"),
	_("Reopen"),
)

HAZARD_STATES = (
	"Reported",
	"Registered",
	"Invalid",
	"Duplicate",
	"Assigned",
	"Rectifying",
	"Awaiting Acceptance",
	"Closed",
)

# the Workflow State and Workflow Action Master records the default workflows use:
# fixtures (dual_system/fixtures/), synced on every migrate (hooks.fixtures)
WORKFLOW_STATES = (
	"Draft",
	"Pending Review",
	"Pending Approval",
	"Approved",
	"Rejected",
	"Planned",
	"Completed",
	"Cancelled",
	*HAZARD_STATES,
)
WORKFLOW_ACTIONS = (
	"Submit for Review",
	"Review",
	"Approve",
	"Reject",
	"Complete",
	"Cancel Session",
	"Register",
	"Mark Invalid",
	"Mark Duplicate",
	"Close on the Spot",
	"Assign",
	"Start Rectification",
	"Submit for Acceptance",
	"Accept",
	"Reopen",
)

DRAFTERS = ("Safety Officer", "Department Safety Lead", "Safety Manager")

RISK_ASSESSMENT_WORKFLOW = {
	"workflow_name": _("Risk Assessment"),
	"document_type": "Risk Assessment",
	"workflow_state_field": "workflow_state",
	"is_active": 1,
	"send_email_alert": 0,
	"states": [
		*(
			{
				"state": "Draft",
				"doc_status": "0",
				"allow_edit": role,
				"update_field": "status",
				"update_value": "Draft",
			}
			for role in DRAFTERS
		),
		{
			"state": "Pending Review",
			"doc_status": "0",
			"allow_edit": "Department Safety Lead",
			"update_field": "status",
			"update_value": "Pending Review",
		},
		*(
			{
				"state": "Pending Approval",
				"doc_status": "0",
				"allow_edit": role,
				"update_field": "status",
				"update_value": "Pending Approval",
			}
			for role in ("Safety Manager", "Company Principal")
		),
		{
			"state": "Approved",
			"doc_status": "1",
			"allow_edit": "Safety Manager",
			"update_field": "status",
			"update_value": "Approved",
		},
	],
	"transitions": [
		*(
			{"state": "Draft", "action": "Submit for Review", "next_state": "Pending Review", "allowed": role}
			for role in ("Safety Officer", "Department Safety Lead")
		),
		{
			"state": "Pending Review",
			"action": "Review",
			"next_state": "Pending Approval",
			"allowed": "Department Safety Lead",
		},
		{
			"state": "Pending Review",
			"action": "Reject",
			"next_state": "Draft",
			"allowed": "Department Safety Lead",
		},
		{
			"state": "Pending Approval",
			"action": "Approve",
			"next_state": "Approved",
			"allowed": "Safety Manager",
			"condition": "not doc.has_major_risk",
		},
		{
			"state": "Pending Approval",
			"action": "Approve",
			"next_state": "Approved",
			"allowed": "Company Principal",
			"condition": "doc.has_major_risk",
		},
		*(
			{"state": "Pending Approval", "action": "Reject", "next_state": "Draft", "allowed": role}
			for role in ("Safety Manager", "Company Principal")
		),
	],
}

# HR and the safety manager run training sessions; completing submits the session
# (its training records are written then), Cancel Session calls off a planned one.
TRAINING_ORGANISERS = ("HR Manager", "HR User", "Safety Manager")

SAFETY_TRAINING_SESSION_WORKFLOW = {
	"workflow_name": _("Safety Training Session"),
	"document_type": "Safety Training Session",
	"workflow_state_field": "workflow_state",
	"is_active": 1,
	"send_email_alert": 0,
	"states": [
		*(
			{
				"state": state,
				"doc_status": doc_status,
				"allow_edit": role,
				"update_field": "status",
				"update_value": state,
			}
			for state, doc_status in (("Planned", "0"), ("Completed", "1"), ("Cancelled", "0"))
			for role in TRAINING_ORGANISERS
		),
	],
	"transitions": [
		*(
			{"state": "Planned", "action": action, "next_state": next_state, "allowed": role}
			for action, next_state in (("Complete", "Completed"), ("Cancel Session", "Cancelled"))
			for role in TRAINING_ORGANISERS
		),
	],
}

# The closed loop of a hidden danger (DOMAIN.md §6.4). Leads register, grade and assign in
# their departments (majors are assigned by the safety manager), the owner rectifies, the
# issuing level accepts (team level: the lead; workshop and team: the safety officer; any:
# the safety manager) and acceptance closes the ticket; a rejected acceptance or a reopened
# ticket returns to Rectifying. Whatever this workflow allows, services/hazard.py holds the
# invariants (grading before assignment, 五落实, the major's plan and reports, evidence,
# acceptor ≠ rectifier).
HAZARD_REGISTRARS = ("Department Safety Lead", "Safety Officer", "Safety Manager")
HAZARD_RECTIFIERS = ("Rectification Owner", *HAZARD_REGISTRARS)
ON_THE_SPOT = "doc.handling == 'On the Spot' and doc.grade != 'Major' and not doc.major_criterion"

HAZARD_TICKET_WORKFLOW = {
	"workflow_name": _("Hazard Ticket"),
	"document_type": "Hazard Ticket",
	"workflow_state_field": "workflow_state",
	"is_active": 1,
	"send_email_alert": 0,
	"states": [
		*(
			{
				"state": state,
				"doc_status": "0",
				"allow_edit": role,
				"update_field": "status",
				"update_value": state,
			}
			for state, roles in (
				("Reported", ("Employee", *HAZARD_REGISTRARS)),
				("Registered", HAZARD_REGISTRARS),
				("Invalid", ("Safety Officer", "Safety Manager")),
				("Duplicate", ("Safety Officer", "Safety Manager")),
				("Assigned", HAZARD_RECTIFIERS),
				("Rectifying", HAZARD_RECTIFIERS),
				("Awaiting Acceptance", HAZARD_REGISTRARS),
				("Closed", ("Safety Officer", "Safety Manager")),
			)
			for role in roles
		),
	],
	"transitions": [
		*(
			{"state": "Reported", "action": action, "next_state": next_state, "allowed": role}
			for action, next_state in (
				("Register", "Registered"),
				("Mark Invalid", "Invalid"),
				("Mark Duplicate", "Duplicate"),
			)
			for role in HAZARD_REGISTRARS
		),
		*(
			{
				"state": state,
				"action": "Close on the Spot",
				"next_state": "Closed",
				"allowed": "Employee",
				"condition": ON_THE_SPOT,
			}
			for state in ("Reported", "Registered")
		),
		*(
			{
				"state": "Registered",
				"action": "Assign",
				"next_state": "Assigned",
				"allowed": role,
				"condition": "doc.grade != 'Major'",
			}
			for role in ("Department Safety Lead", "Safety Officer")
		),
		{"state": "Registered", "action": "Assign", "next_state": "Assigned", "allowed": "Safety Manager"},
		*(
			{
				"state": "Assigned",
				"action": "Start Rectification",
				"next_state": "Rectifying",
				"allowed": role,
			}
			for role in HAZARD_RECTIFIERS
		),
		*(
			{
				"state": "Rectifying",
				"action": "Submit for Acceptance",
				"next_state": "Awaiting Acceptance",
				"allowed": role,
			}
			for role in HAZARD_RECTIFIERS
		),
		{
			"state": "Awaiting Acceptance",
			"action": "Accept",
			"next_state": "Closed",
			"allowed": "Department Safety Lead",
			"condition": "doc.grade != 'Major' and doc.internal_level == 'Team'",
		},
		{
			"state": "Awaiting Acceptance",
			"action": "Accept",
			"next_state": "Closed",
			"allowed": "Safety Officer",
			"condition": "doc.grade != 'Major' and doc.internal_level != 'Company'",
		},
		{
			"state": "Awaiting Acceptance",
			"action": "Accept",
			"next_state": "Closed",
			"allowed": "Safety Manager",
		},
		*(
			{"state": "Awaiting Acceptance", "action": "Reject", "next_state": "Rectifying", "allowed": role}
			for role in HAZARD_REGISTRARS
		),
		{"state": "Closed", "action": "Reopen", "next_state": "Rectifying", "allowed": "Safety Manager"},
	],
}

# Frappe refuses any action to a ticket's reporter (its owner) unless a transition allows
# self-approval: the reporter may well be the lead who registers it or the finder who fixes
# it on the spot. The separation that matters (acceptor ≠ rectifier) is the controller's.
for _transition in HAZARD_TICKET_WORKFLOW["transitions"]:
	_transition["allow_self_approval"] = 1

WORKFLOWS = [RISK_ASSESSMENT_WORKFLOW, SAFETY_TRAINING_SESSION_WORKFLOW, HAZARD_TICKET_WORKFLOW]


def create_workflow_masters():
	"""The fixtures the workflows need, imported before the workflows are created
	(Frappe syncs an app's fixtures only after its ``after_install``)."""
	from frappe.utils.fixtures import sync_fixtures

	missing = [s for s in WORKFLOW_STATES if not frappe.db.exists("Workflow State", s)] + [
		a for a in WORKFLOW_ACTIONS if not frappe.db.exists("Workflow Action Master", a)
	]
	if missing:
		sync_fixtures("dual_system")


def create_default_workflows(doctypes: tuple[str, ...] | None = None):
	"""Create each default workflow (of the given document types) unless its
	document type already has one."""
	create_workflow_masters()
	for spec in WORKFLOWS:
		if doctypes is not None and spec["document_type"] not in doctypes:
			continue
		if frappe.db.exists("Workflow", {"document_type": spec["document_type"]}):
			continue
		if frappe.db.exists("Workflow", spec["workflow_name"]):
			continue
		doc = frappe.get_doc({"doctype": "Workflow", **spec})
		doc.insert(ignore_permissions=True)


def delete_app_workflows():
	"""Workflows have no module, so removing the app leaves them behind: remove them here."""
	doctypes = [spec["document_type"] for spec in WORKFLOWS]
	for name in frappe.get_all("Workflow", {"document_type": ("in", doctypes)}, pluck="name"):
		frappe.delete_doc("Workflow", name, ignore_permissions=True, force=True)
	for name in frappe.get_all(
		"Custom Field", {"dt": ("in", doctypes), "fieldname": "workflow_state"}, pluck="name"
	):
		frappe.delete_doc("Custom Field", name, ignore_permissions=True, force=True)
