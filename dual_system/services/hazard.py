"""Hazard tickets (隐患) and governance plans: the closed loop's rules (DOMAIN.md §6.4).

The "Hazard Ticket" workflow moves the status; the sign-off service records who
registered, assigned, rectified and accepted (``signoffs.py``); this module holds
the invariants whatever the workflow, the form, ``set_value``, REST or Data Import
allow. They are predicates of the status, checked on every save: a ticket at or
beyond Assigned is graded; a By Deadline ticket at or beyond Rectifying has its
五落实; a major at or beyond Rectifying has its work stopped and an approved
governance plan, and closes only with the authority and workers' congress reports
and an evaluation; a closed ticket has been accepted by someone other than its
rectifier and carries its after-photo — or was fixed on the spot by its finder.
Every refusal is a translated ``frappe.throw`` naming what is missing, before
anything is written.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cint, flt, get_datetime, getdate, nowdate

from dual_system.core import hazard as core
from dual_system.services import reminders, signoff, training_gate
from dual_system.services.errors import DualSystemValidationError


class HazardTicketError(DualSystemValidationError):
	"""A hidden-danger ticket breaks a rule of the closed loop."""


class HazardLinkError(HazardTicketError):
	"""Risk point, event and measure of a ticket do not agree."""


class DeadlineError(HazardTicketError):
	pass


class FiveImplementationsError(HazardTicketError):
	"""五落实 incomplete: responsibility, measures, funds, deadline, contingency plan."""


class MajorHazardError(HazardTicketError):
	pass


class ClosureError(HazardTicketError):
	pass


class ExtensionError(HazardTicketError):
	pass


class GovernancePlanError(DualSystemValidationError):
	pass


ASSIGNED_OR_LATER = ("Assigned", "Rectifying", "Awaiting Acceptance", "Closed")
RECTIFYING_OR_LATER = ("Rectifying", "Awaiting Acceptance", "Closed")
DEADLINE_LOCKED = ("Rectifying", "Awaiting Acceptance", "Closed")
ANONYMOUS_OWNER = "Guest"
# fields the server writes (besides the sign-off's recorded actors and times)
SERVER_FIELDS = (
	"accepted",
	"acceptance_date",
	"closed_by",
	"closed_on",
	"finder_user",
	"rectification_owner_user",
)
EXTENSION_FIELDS = (
	"requested_by",
	"requested_on",
	"reason",
	"new_deadline",
	"status",
	"approved_by",
	"approved_on",
)
PLAN_APPROVER_ROLE = "Company Principal"
ISSUING_ROLES = ("Safety Manager", "Company Principal")


def label(doc, fieldname: str) -> str:
	return _(doc.meta.get_label(fieldname))


def missing(doc, fields) -> list[str]:
	return [label(doc, f) for f in fields if doc.get(f) in (None, "", 0)]


# --- insert ---------------------------------------------------------------------------------
def employee_of(user: str) -> str | None:
	return frappe.db.get_value("Employee", {"user_id": user, "status": "Active"}, "name")


def before_insert(doc) -> None:
	"""The finder is the session's user, unless the report is anonymous: then nothing on
	the ticket, its versions or the rows Frappe writes about it names the reporter."""
	user = frappe.session.user
	for field in SERVER_FIELDS:
		doc.set(field, None)
	doc.accepted = 0
	if cint(doc.is_anonymous):
		doc.finder = None
		doc.finder_user = None
		doc.owner = doc.modified_by = ANONYMOUS_OWNER
		doc.flags.ignore_version = True
		start_anonymous(user)
	else:
		doc.finder_user = None if user == "Guest" else user
		if not doc.finder and doc.finder_user:
			doc.finder = employee_of(user)


def autoname(doc) -> None:
	"""HT-<company abbreviation>-<year>-#####: one series per company and year."""
	from frappe.model.naming import make_autoname

	abbr = frappe.get_cached_value("Company", doc.company, "abbr") or "X"
	doc.name = make_autoname(f"HT-.{abbr}.-.YYYY.-.#####", doc=doc)


def start_anonymous(user: str) -> None:
	"""Until the transaction ends, rows Frappe writes for ``user`` (workflow actions,
	attached files, versions) are owned by nobody in particular."""
	frappe.local.ds_anonymous_reporter = user

	def stop():
		frappe.local.ds_anonymous_reporter = None

	frappe.db.after_commit.add(stop)
	frappe.db.after_rollback.add(stop)


def anonymise_trace(doc, method=None) -> None:
	"""A ``before_insert`` doc event on every doctype: during an anonymous report, a row
	the reporter would own is owned by the neutral user instead."""
	user = getattr(frappe.local, "ds_anonymous_reporter", None)
	if not user:
		return
	if doc.get("owner") == user:
		doc.owner = ANONYMOUS_OWNER
	if doc.get("modified_by") == user:
		doc.modified_by = ANONYMOUS_OWNER
	if doc.doctype == "Comment" and doc.get("comment_email") == user:
		doc.comment_email = ANONYMOUS_OWNER
		doc.comment_by = _("Anonymous")


def after_insert(doc) -> None:
	"""An anonymous report's uploads: attached here, owned by nobody in particular (Frappe
	would attach them after this with the reporter as the last to modify them)."""
	user = getattr(frappe.local, "ds_anonymous_reporter", None)
	if not cint(doc.is_anonymous) or not user:
		return
	file = frappe.qb.DocType("File")
	for df in doc.meta.get("fields", {"fieldtype": ("in", ("Attach", "Attach Image"))}):
		url = doc.get(df.fieldname)
		if not url:
			continue
		(
			frappe.qb.update(file)
			.set(file.owner, ANONYMOUS_OWNER)
			.set(file.modified_by, ANONYMOUS_OWNER)
			.set(file.attached_to_doctype, doc.doctype)
			.set(file.attached_to_name, doc.name)
			.set(file.attached_to_field, df.fieldname)
			.where(
				(file.file_url == url)
				& (file.owner == user)
				& file.attached_to_name.isnull()
				& file.attached_to_doctype.isnull()
			)
			.run()
		)


# --- validate -------------------------------------------------------------------------------
def validate(doc) -> None:
	before = None if doc.is_new() else doc.get_doc_before_save()
	keep_server_fields(doc, before)
	validate_links(doc)
	validate_grading(doc)
	set_owner_user(doc, before)
	validate_funds(doc)
	validate_extensions(doc, before)
	set_default_deadline(doc)
	validate_deadline(doc, before)
	previous = before.status if before else None
	signoff.apply(doc)
	if doc.status != previous:
		on_status_change(doc, previous)
	validate_state(doc)


def keep_server_fields(doc, before) -> None:
	if before is None or doc.flags.ignore_sign_off_fields:
		return  # a new ticket's server fields were set in before_insert
	changed = signoff.changed_fields(doc, before, SERVER_FIELDS)
	if changed:
		frappe.throw(
			_("{0} is recorded by the system and cannot be set by hand").format(
				", ".join(label(doc, f) for f in changed)
			),
			exc=signoff.RecordedFieldError,
			title=_("Not Allowed"),
		)


def validate_links(doc) -> None:
	"""Measure → event → point: each given link agrees with the next; missing upper links
	are filled from the lower ones; the point lies in the ticket's company."""
	for field, doctype in (
		("control_measure", "Control Measure"),
		("risk_event", "Risk Event"),
		("risk_point", "Risk Point"),
	):
		if doc.get(field) and not frappe.db.exists(doctype, doc.get(field)):
			frappe.throw(
				_("{0} {1} not found").format(_(doctype), frappe.bold(doc.get(field))),
				exc=HazardLinkError,
				title=_("Links Disagree"),
			)
	if doc.control_measure:
		event = frappe.db.get_value("Control Measure", doc.control_measure, "risk_event")
		if doc.risk_event and event != doc.risk_event:
			frappe.throw(
				_("Control Measure {0} belongs to Risk Event {1}, not to {2}").format(
					frappe.bold(doc.control_measure), frappe.bold(event), frappe.bold(doc.risk_event)
				),
				exc=HazardLinkError,
				title=_("Links Disagree"),
			)
		doc.risk_event = event
	if doc.risk_event:
		point = frappe.db.get_value("Risk Event", doc.risk_event, "risk_point")
		if doc.risk_point and point != doc.risk_point:
			frappe.throw(
				_("Risk Event {0} belongs to Risk Point {1}, not to {2}").format(
					frappe.bold(doc.risk_event), frappe.bold(point), frappe.bold(doc.risk_point)
				),
				exc=HazardLinkError,
				title=_("Links Disagree"),
			)
		doc.risk_point = point
	if doc.risk_point:
		point = frappe.db.get_value(
			"Risk Point", doc.risk_point, ["company", "department", "location", "asset"], as_dict=True
		)
		if point.company and doc.company and point.company != doc.company:
			frappe.throw(
				_("Risk Point {0} belongs to {1}, not to {2}").format(
					frappe.bold(doc.risk_point), frappe.bold(point.company), frappe.bold(doc.company)
				),
				exc=HazardLinkError,
				title=_("Links Disagree"),
			)
		for field in ("department", "location", "asset"):
			if not doc.get(field) and point.get(field):
				doc.set(field, point.get(field))


def validate_grading(doc) -> None:
	"""A major-hidden-danger criterion makes the ticket major (DOMAIN.md §1.3)."""
	if doc.major_criterion:
		doc.grade = core.MAJOR
	if doc.grade == core.MAJOR and doc.handling == core.ON_THE_SPOT:
		frappe.throw(
			_("A major hidden danger is fixed by deadline under its governance plan, not on the spot"),
			exc=MajorHazardError,
			title=_("Not Allowed"),
		)


def set_owner_user(doc, before) -> None:
	"""The rectification owner's user is the employee's, read by the server; a new owner
	passes the training gate."""
	user = (
		frappe.db.get_value("Employee", doc.rectification_owner, "user_id")
		if doc.rectification_owner
		else None
	)
	if (doc.rectification_owner_user or None) != (user or None):
		doc.rectification_owner_user = user
	if doc.rectification_owner and doc.rectification_owner != (
		before.rectification_owner if before else None
	):
		training_gate.check(
			doc.rectification_owner, training_gate.HIDDEN_DANGER_RECTIFICATION, _("rectification owner")
		)


def validate_funds(doc) -> None:
	if doc.funds is not None and flt(doc.funds) < 0:
		frappe.throw(
			_("{0} cannot be negative").format(label(doc, "funds")),
			exc=FiveImplementationsError,
			title=_("Invalid Funds"),
		)
	if doc.cost_center:
		company = frappe.db.get_value("Cost Center", doc.cost_center, "company")
		if company != doc.company:
			frappe.throw(
				_("Cost Center {0} belongs to {1}, not to the ticket's company {2}").format(
					frappe.bold(doc.cost_center), frappe.bold(company), frappe.bold(doc.company)
				),
				exc=FiveImplementationsError,
				title=_("Wrong Company"),
			)


def deadline_rules() -> core.DeadlineRules:
	settings = frappe.get_cached_doc("Dual System Settings")
	return core.DeadlineRules(
		on_the_spot_hours=cint(settings.deadline_on_the_spot_hours) or 24,
		team_days=cint(settings.deadline_team_days) or 3,
		workshop_days=cint(settings.deadline_workshop_days) or 7,
		company_days=cint(settings.deadline_company_days) or 30,
	)


def set_default_deadline(doc) -> None:
	if doc.deadline or not doc.date_found:
		return
	deadline = core.default_deadline(
		get_datetime(doc.date_found), doc.grade, doc.internal_level, doc.handling, deadline_rules()
	)
	if deadline:
		doc.deadline = deadline


def validate_deadline(doc, before) -> None:
	if doc.deadline and core.deadline_precedes_finding(getdate(doc.deadline), get_datetime(doc.date_found)):
		frappe.throw(
			_("{0} ({1}) cannot precede {2} ({3})").format(
				label(doc, "deadline"),
				frappe.format(doc.deadline, {"fieldtype": "Date"}),
				label(doc, "date_found"),
				frappe.format(doc.date_found, {"fieldtype": "Datetime"}),
			),
			exc=DeadlineError,
			title=_("Invalid Deadline"),
		)
	if (
		before
		and before.status in DEADLINE_LOCKED
		and str(before.deadline or "") != str(doc.deadline or "")
		and not doc.flags.extension_decided
	):
		frappe.throw(
			_("The deadline of a ticket under rectification changes only through an approved extension"),
			exc=DeadlineError,
			title=_("Request an Extension"),
		)


def validate_extensions(doc, before) -> None:
	"""Extension rows are requests: a new one is recorded as the session user's pending
	request with a reason; existing rows change only through ``decide_extension`` and
	are never removed (the history of a deadline)."""
	old = {row.name: row for row in (before.extensions if before else [])}
	kept = {row.name for row in doc.extensions if row.name in old}
	if set(old) - kept:
		frappe.throw(
			_("Extension requests are kept as the deadline's history and cannot be removed"),
			exc=ExtensionError,
			title=_("Not Allowed"),
		)
	for row in doc.extensions:
		if row.name in old:
			if doc.flags.extension_decided:
				continue
			changed = [
				f for f in EXTENSION_FIELDS if str(row.get(f) or "") != str(old[row.name].get(f) or "")
			]
			if changed:
				frappe.throw(
					_("Row {0} of {1}: a recorded extension request cannot be edited").format(
						row.idx, label(doc, "extensions")
					),
					exc=ExtensionError,
					title=_("Not Allowed"),
				)
			continue
		if not (row.reason or "").strip():
			frappe.throw(
				_("An extension request needs a reason"), exc=ExtensionError, title=_("Reason Missing")
			)
		if not row.new_deadline:
			frappe.throw(
				_("An extension request needs a new deadline"),
				exc=ExtensionError,
				title=_("Deadline Missing"),
			)
		if doc.deadline and getdate(row.new_deadline) <= getdate(doc.deadline):
			frappe.throw(
				_("The new deadline {0} must come after the current deadline {1}").format(
					frappe.format(row.new_deadline, {"fieldtype": "Date"}),
					frappe.format(doc.deadline, {"fieldtype": "Date"}),
				),
				exc=ExtensionError,
				title=_("Invalid Deadline"),
			)
		row.requested_by = frappe.session.user
		row.requested_on = nowdate()
		row.status = "Pending"
		row.approved_by = None
		row.approved_on = None
		row.previous_deadline = doc.deadline


# --- status -----------------------------------------------------------------------------------
def on_status_change(doc, previous: str | None) -> None:
	user = frappe.session.user
	if doc.status == "Duplicate":
		if not doc.duplicate_of or doc.duplicate_of == doc.name:
			frappe.throw(
				_("Name the ticket this one duplicates in {0}").format(label(doc, "duplicate_of")),
				exc=HazardTicketError,
				title=_("Duplicate Of Missing"),
			)
	if doc.status == "Awaiting Acceptance" and not doc.completion_date:
		doc.completion_date = nowdate()
	if doc.status == "Closed":
		if previous in ("Reported", "Registered"):
			close_on_the_spot_checks(doc)
			# fixed at once by the finder: the finder rectified and closed it (即查即改)
			doc.rectified_by = user
			doc.acceptor = None
			if not doc.completion_date:
				doc.completion_date = nowdate()
		doc.accepted = 1
		doc.acceptance_date = nowdate()
		doc.closed_by = user
		doc.closed_on = nowdate()
	if doc.status == "Rectifying" and previous in ("Awaiting Acceptance", "Closed"):
		what = _("Acceptance rejected") if previous == "Awaiting Acceptance" else _("Reopened")
		note = (doc.acceptance_comment or "").strip()
		doc.accepted = 0
		doc.acceptance_date = None
		doc.closed_by = None
		doc.closed_on = None
		doc.flags.history_comment = (
			_("{0} by {1}: back to rectification. {2}").format(what, user, note).strip()
		)


def close_on_the_spot_checks(doc) -> None:
	if not doc.flags.on_the_spot:
		frappe.throw(
			_("Only a hidden danger fixed on the spot is closed before assignment: use Close on the Spot"),
			exc=ClosureError,
			title=_("Not Allowed"),
		)
	if doc.grade == core.MAJOR or doc.handling != core.ON_THE_SPOT:
		frappe.throw(
			_("Only a general hidden danger handled on the spot can be closed on the spot"),
			exc=ClosureError,
			title=_("Not Allowed"),
		)
	if not doc.finder_user or doc.finder_user != frappe.session.user:
		frappe.throw(
			_("Only the finder closes a hidden danger on the spot"),
			exc=ClosureError,
			title=_("Not Allowed"),
		)


def validate_state(doc) -> None:
	"""The invariants of the ticket's status, checked on every save."""
	status = doc.status
	on_the_spot_closed = status == "Closed" and not doc.acceptor and doc.handling == core.ON_THE_SPOT
	if status in ASSIGNED_OR_LATER:
		gaps = missing(doc, ("grade", "handling"))
		if doc.grade != core.MAJOR and not on_the_spot_closed:
			gaps += missing(doc, ("internal_level",))
		if gaps:
			refuse(doc, status, gaps, HazardTicketError)
	if status in RECTIFYING_OR_LATER and doc.handling == core.BY_DEADLINE:
		gaps = missing(
			doc, ("rectification_owner", "rectification_measures", "deadline", "contingency_measures")
		)
		if doc.funds is None:
			gaps.append(label(doc, "funds"))
		if gaps:
			refuse(doc, status, gaps, FiveImplementationsError, _("Five Implementations Incomplete"))
	if doc.grade == core.MAJOR and status in RECTIFYING_OR_LATER:
		gaps = missing(doc, ("work_stopped",))
		if not approved_plan(doc):
			gaps.append(_("an approved {0}").format(_("Hazard Governance Plan")))
		if gaps:
			refuse(doc, status, gaps, MajorHazardError, _("Major Hidden Danger"))
	if status == "Closed":
		gaps = missing(doc, ("photo_after",))
		if not on_the_spot_closed and not doc.acceptor:
			gaps.append(label(doc, "acceptor"))
		if doc.grade == core.MAJOR:
			gaps += missing(
				doc,
				(
					"reported_to_authority",
					"authority",
					"authority_report_date",
					"reported_to_workers_congress",
					"workers_congress_date",
					"evaluation_report",
					"evaluation_date",
				),
			)
			if doc.major_criterion and frappe.db.get_value(
				"Major Hidden Danger Criterion", doc.major_criterion, "requires_expert_evaluation"
			):
				gaps += missing(doc, ("evaluation_by_experts",))
		if gaps:
			refuse(doc, status, gaps, ClosureError, _("Cannot Close"))


def refuse(doc, status: str, gaps: list[str], exc, title: str | None = None) -> None:
	frappe.throw(
		_("{0} cannot be {1}: missing {2}").format(
			frappe.bold(doc.name or _("The ticket")), _(status), ", ".join(gaps)
		),
		exc=exc,
		title=title or _("Missing Information"),
	)


def approved_plan(doc) -> str | None:
	"""The ticket's submitted governance plan approved by a Company Principal."""
	if not doc.governance_plan:
		return None
	plan = frappe.db.get_value(
		"Hazard Governance Plan",
		doc.governance_plan,
		["hazard_ticket", "docstatus", "approved_by"],
		as_dict=True,
	)
	if not plan or plan.docstatus != 1 or plan.hazard_ticket != doc.name or not plan.approved_by:
		return None
	if PLAN_APPROVER_ROLE not in frappe.get_roles(plan.approved_by):
		return None
	return doc.governance_plan


def on_update(doc) -> None:
	if doc.flags.history_comment:
		doc.add_comment("Info", doc.flags.history_comment)
		doc.flags.history_comment = None
	before = doc.get_doc_before_save()
	if doc.control_measure and (before is None or before.control_measure != doc.control_measure):
		check_recurrence(doc)


# --- recurrence feeds risk -------------------------------------------------------------------
def check_recurrence(doc) -> bool:
	"""A control measure that failed ``recurrence_ticket_count`` times within the window
	flags its risk point for re-assessment, the tickets named as the reason, and tells the
	point's responsible person once per recurrence (DOMAIN.md §6.2)."""
	settings = frappe.get_cached_doc("Dual System Settings")
	window = cint(settings.get("recurrence_window_days") or 90)
	count = cint(settings.get("recurrence_ticket_count") or 2)
	today = getdate(doc.date_found) if doc.date_found else getdate()
	tickets = frappe.get_all(
		"Hazard Ticket",
		filters={"control_measure": doc.control_measure, "status": ("not in", ("Invalid", "Duplicate"))},
		fields=["name", "date_found"],
		order_by="date_found asc",
		ignore_permissions=True,
	)
	within = [t for t in tickets if t.date_found and 0 <= (today - getdate(t.date_found)).days < window]
	if not doc.risk_point or not core.recurs([getdate(t.date_found) for t in within], today, window, count):
		return False
	names = [t.name for t in within]
	point = frappe.get_doc("Risk Point", doc.risk_point)
	note = _("Control measure {0} failed {1} times within {2} days: {3}").format(
		doc.control_measure, len(names), window, ", ".join(names)
	)
	if not point.needs_reassessment:
		point.db_set(
			{
				"needs_reassessment": 1,
				"reassessment_reason": "Incident",
				"reassessment_note": note,
				"review_due_date": nowdate(),
			}
		)
		point.add_comment("Info", _("Marked for re-assessment: {0}").format(note))
	recipient = (
		frappe.db.get_value("Employee", point.responsible_employee, "user_id")
		if point.responsible_employee
		else None
	)
	if recipient:
		key = core.recurrence_key(doc.control_measure, names[0])
		# the claim's unique key makes it once; committed with the ticket that caused it
		if reminders.claim(key, "Hazard Recurrence", "Risk Point", point.name, recipient, nowdate()):
			reminders.notify(
				recipient,
				"Risk Point",
				point.name,
				_("Risk Point {0} needs re-assessment: {1}").format(point.name, note),
			)
	return True


# --- actions ---------------------------------------------------------------------------------
def apply_action(doc, action: str):
	from frappe.model.workflow import apply_workflow

	return apply_workflow(doc, action)


def close_on_the_spot(ticket: str, photo_after: str | None = None, note: str | None = None):
	"""The finder fixed the hidden danger at once (即查即改): record the after-photo and
	close it in one step; it stays in the ledger as accepted on the spot."""
	doc = frappe.get_doc("Hazard Ticket", ticket)
	doc.check_permission("read")
	if doc.status not in ("Reported", "Registered"):
		frappe.throw(
			_("{0} is {1}: only a reported or registered ticket is closed on the spot").format(
				frappe.bold(doc.name), _(doc.status)
			),
			exc=ClosureError,
			title=_("Not Allowed"),
		)
	if not doc.finder_user or doc.finder_user != frappe.session.user:
		frappe.throw(
			_("Only the finder closes a hidden danger on the spot"), exc=ClosureError, title=_("Not Allowed")
		)
	if photo_after:
		doc.photo_after = photo_after
	if not doc.photo_after:
		frappe.throw(
			_("{0} cannot be {1}: missing {2}").format(
				frappe.bold(doc.name), _("Closed"), label(doc, "photo_after")
			),
			exc=ClosureError,
			title=_("Cannot Close"),
		)
	if doc.grade == core.MAJOR or doc.major_criterion:
		frappe.throw(
			_("Only a general hidden danger handled on the spot can be closed on the spot"),
			exc=ClosureError,
			title=_("Not Allowed"),
		)
	doc.grade = core.GENERAL
	doc.handling = core.ON_THE_SPOT
	if note:
		doc.acceptance_comment = note
	# the finder may not otherwise write the ticket: the checks above are the permission
	doc.flags.ignore_permissions = True
	doc.save()
	doc.flags.on_the_spot = True
	apply_action(doc, "Close on the Spot")
	return doc.name


def request_extension(ticket: str, reason: str, new_deadline: str):
	doc = frappe.get_doc("Hazard Ticket", ticket)
	doc.check_permission("write")
	if doc.status not in ("Assigned", "Rectifying"):
		frappe.throw(
			_("An extension is requested for a ticket being rectified"),
			exc=ExtensionError,
			title=_("Not Allowed"),
		)
	doc.append("extensions", {"reason": reason, "new_deadline": new_deadline})
	doc.save()
	return doc.extensions[-1].name


def decide_extension(ticket: str, row: str, approve: bool = True):
	"""The issuing level (whoever assigned the ticket, or a safety manager or principal of
	its company) approves or rejects a pending request; never the requester."""
	doc = frappe.get_doc("Hazard Ticket", ticket)
	doc.check_permission("read")
	user = frappe.session.user
	request = next((r for r in doc.extensions if r.name == row), None)
	if not request or request.status != "Pending":
		frappe.throw(_("No pending extension request {0}").format(frappe.bold(row)), exc=ExtensionError)
	if request.requested_by == user:
		frappe.throw(
			_("The requester of an extension cannot decide it: the issuing level does"),
			exc=ExtensionError,
			title=_("Separation of Duties"),
		)
	if user != doc.assigned_by and not set(ISSUING_ROLES).intersection(frappe.get_roles(user)):
		frappe.throw(
			_("An extension is decided by the issuing level ({0}) or a Safety Manager").format(
				doc.assigned_by or _("not assigned yet")
			),
			exc=ExtensionError,
			title=_("Not Permitted"),
		)
	approve = approve not in (False, 0, "0", "false", "False", None)
	request.status = "Approved" if approve else "Rejected"
	request.approved_by = user
	request.approved_on = nowdate()
	if approve:
		request.previous_deadline = doc.deadline
		doc.deadline = request.new_deadline
	doc.flags.extension_decided = True
	doc.flags.ignore_permissions = True
	doc.save()
	doc.add_comment(
		"Info",
		_("Extension {0} by {1}: {2}").format(
			_(request.status), user, frappe.format(request.new_deadline, {"fieldtype": "Date"})
		),
	)
	return request.status


# --- budget ------------------------------------------------------------------------------------
def budget_status(ticket: str) -> dict:
	"""The ticket's funds against the Budget of its cost centre for the fiscal year of
	its deadline (or today): the budgeted amount and the other tickets' funds on it."""
	doc = frappe.get_doc("Hazard Ticket", ticket)
	doc.check_permission("read")
	out = {"cost_center": doc.cost_center, "funds": flt(doc.funds), "budget": None}
	if not doc.cost_center:
		return out
	from erpnext.accounts.utils import get_fiscal_year

	try:
		fiscal_year = get_fiscal_year(doc.deadline or nowdate(), company=doc.company)[0]
	except Exception:
		return out
	budget = frappe.db.get_value(
		"Budget",
		{
			"cost_center": doc.cost_center,
			"fiscal_year": fiscal_year,
			"docstatus": 1,
			"budget_against": "Cost Center",
		},
		"name",
	)
	committed = frappe.db.sql(
		"""select coalesce(sum(funds), 0) from `tabHazard Ticket`
		where cost_center = %s and status not in ('Invalid', 'Duplicate') and name != %s""",
		(doc.cost_center, doc.name),
	)[0][0]
	out.update({"fiscal_year": fiscal_year, "other_tickets": flt(committed)})
	if budget:
		amount = frappe.db.sql(
			"select coalesce(sum(budget_amount), 0) from `tabBudget Account` where parent = %s", budget
		)[0][0]
		out.update(
			{
				"budget": budget,
				"budget_amount": flt(amount),
				"remaining": flt(amount) - flt(committed) - flt(doc.funds),
			}
		)
	return out


# --- service for other modules ---------------------------------------------------------------
def raise_ticket(values: dict, ignore_permissions: bool = False) -> str:
	"""Insert a Hazard Ticket in its first state with the session user's permissions and
	return its name. Company and department default from the risk point, the date found
	to now, the finder to the session user's employee; keys the doctype does not have
	(e.g. ``inspection_task`` before that field exists) are dropped."""
	meta = frappe.get_meta("Hazard Ticket")
	values = {k: v for k, v in (values or {}).items() if meta.has_field(k)}
	for key in ("status", "workflow_state", *SERVER_FIELDS, *signoff_fields()):
		values.pop(key, None)
	if values.get("control_measure") and not values.get("risk_event"):
		values["risk_event"] = frappe.db.get_value("Control Measure", values["control_measure"], "risk_event")
	if values.get("risk_event") and not values.get("risk_point"):
		values["risk_point"] = frappe.db.get_value("Risk Event", values["risk_event"], "risk_point")
	if values.get("risk_point") and frappe.db.exists("Risk Point", values["risk_point"]):
		point = frappe.db.get_value(
			"Risk Point", values["risk_point"], ["company", "department"], as_dict=True
		)
		values["company"] = values.get("company") or point.company
		values["department"] = values.get("department") or point.department
	values.setdefault("date_found", frappe.utils.now_datetime())
	if not values.get("is_anonymous") and not values.get("finder"):
		employee = employee_of(frappe.session.user)
		if employee:
			values["finder"] = employee
			if not values.get("company"):
				values["company"] = frappe.db.get_value("Employee", employee, "company")
			if not values.get("department"):
				values["department"] = frappe.db.get_value("Employee", employee, "department")
	doc = frappe.get_doc({"doctype": "Hazard Ticket", **values})
	# ignore_permissions: a caller that already checked the right to report (an inspection
	# task's assignee raising its failed checklist rows, services/inspection.py)
	doc.insert(ignore_permissions=ignore_permissions)
	return doc.name


def signoff_fields() -> tuple[str, ...]:
	from dual_system.signoffs import SIGN_OFFS

	return SIGN_OFFS["Hazard Ticket"].recorded_fields


# --- governance plans ----------------------------------------------------------------------------
def validate_plan(plan) -> None:
	if plan.hazard_ticket:
		ticket = frappe.db.get_value("Hazard Ticket", plan.hazard_ticket, ["grade", "company"], as_dict=True)
		if ticket and ticket.grade != core.MAJOR:
			frappe.throw(
				_("A governance plan is drawn up for a major hidden danger; {0} is not major").format(
					frappe.bold(plan.hazard_ticket)
				),
				exc=GovernancePlanError,
				title=_("Not Major"),
			)
		if ticket:
			plan.company = ticket.company
	if flt(plan.funds) < 0:
		frappe.throw(_("{0} cannot be negative").format(_("Funds")), exc=GovernancePlanError)
	before = None if plan.is_new() else plan.get_doc_before_save()
	for field in signoff.changed_fields(plan, before, ("approved_by", "approved_on")):
		if not plan.flags.approving:
			frappe.throw(
				_("{0} is recorded by the system and cannot be set by hand").format(
					_(plan.meta.get_label(field))
				),
				exc=signoff.RecordedFieldError,
				title=_("Not Allowed"),
			)


def approve_plan(plan) -> None:
	"""Submitting is approving: by a Company Principal (the main responsible person)."""
	user = frappe.session.user
	if PLAN_APPROVER_ROLE not in frappe.get_roles(user):
		frappe.throw(
			_("A governance plan is approved by a {0}").format(_(PLAN_APPROVER_ROLE)),
			exc=GovernancePlanError,
			title=_("Not Permitted"),
		)
	plan.approved_by = user
	plan.approved_on = frappe.utils.now_datetime()


def link_plan(plan) -> None:
	"""The approved plan becomes the ticket's governance plan."""
	ticket = frappe.get_doc("Hazard Ticket", plan.hazard_ticket)
	ticket.db_set("governance_plan", plan.name)
	ticket.add_comment("Info", _("Governance plan {0} approved by {1}").format(plan.name, plan.approved_by))


def unlink_plan(plan) -> None:
	if frappe.db.get_value("Hazard Ticket", plan.hazard_ticket, "governance_plan") == plan.name:
		status = frappe.db.get_value("Hazard Ticket", plan.hazard_ticket, "status")
		if status in RECTIFYING_OR_LATER:
			frappe.throw(
				_("{0} is under rectification on this plan: amend the plan instead of cancelling it").format(
					frappe.bold(plan.hazard_ticket)
				),
				exc=GovernancePlanError,
			)
		frappe.db.set_value("Hazard Ticket", plan.hazard_ticket, "governance_plan", None)
