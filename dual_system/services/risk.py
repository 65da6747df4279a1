"""Risk graded control: evaluation of assessment rows, approval of revisions,
the live register (events and measures) and the level roll-up over the risk
point tree. Controllers call these; the arithmetic lives in ``dual_system.core``."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from dual_system.core.levels import (
	ControlLevelTooLow,
	check_control_level,
	highest_control_level,
)
from dual_system.core.measures import measures_from_row
from dual_system.core.review import next_review_date
from dual_system.core.scoring import format_score, highest_level
from dual_system.services.errors import ControlLevelError, DualSystemValidationError, throw_core_error
from dual_system.services.evaluation import evaluate_values, get_method

FACTOR_FIELDS = ("factor_1", "factor_2", "factor_3")


def get_settings():
	return frappe.get_cached_doc("Dual System Settings")


def control_level_mapping() -> dict[str, str]:
	settings = get_settings()
	return {
		"Major": settings.control_level_major or "Company Level",
		"Significant": settings.control_level_significant or "Workshop Level",
		"General": settings.control_level_general or "Team Level",
		"Low": settings.control_level_low or "Post Level",
	}


# --- evaluation of rows ---------------------------------------------------------------
def row_factor_values(method, row) -> dict:
	return {factor.code: row.get(FACTOR_FIELDS[i]) for i, factor in enumerate(method.factors)}


def factor_values_text(method, row) -> str:
	return " × ".join(
		f"{code}={format_score(value)}" for code, value in row_factor_values(method, row).items()
	)


def evaluate_row(method_name: str, row, label: str) -> None:
	"""Score, level and control level of one row, in place; bad input raises a translated error."""
	method = get_method(method_name)
	for field in FACTOR_FIELDS[len(method.factors) :]:
		row.set(field, None)
	result = evaluate_values(
		method_name, row_factor_values(method, row), row.forced_major_reason, prefix=label
	)
	row.score = float(result.score)
	row.computed_level = result.computed_level
	row.band_label = result.band_label
	row.risk_level = result.level
	row.control_level = validated_control_level(result.level, row.control_level, label)


def validated_control_level(level: str, chosen: str | None, label: str | None = None) -> str:
	try:
		return check_control_level(level, chosen, control_level_mapping())
	except ControlLevelTooLow as e:
		throw_core_error(e, exc=ControlLevelError, prefix=label, title=_("Control Level Too Low"))


# --- approval ------------------------------------------------------------------------------
def current_assessment(risk_point: str, exclude: str | None = None) -> str | None:
	filters = {"risk_point": risk_point, "docstatus": 1, "is_current": 1}
	if exclude:
		filters["name"] = ("!=", exclude)
	return frappe.db.get_value("Risk Assessment", filters, "name")


def approve(assessment) -> None:
	"""The approved revision becomes the live one: the previous revision is
	superseded and its events archived (kept, out of the roll-up); this one's
	rows become Risk Events with their Control Measures."""
	previous = current_assessment(assessment.risk_point, exclude=assessment.name)
	if previous:
		supersede(previous, assessment.name)
	assessment.db_set({"is_current": 1, "status": "Approved"})
	method = get_method(assessment.evaluation_method)
	for row in assessment.rows:
		event = create_event(assessment, row, method)
		row.db_set("risk_event", event.name)
	approved_on = getdate(assessment.approved_on or nowdate())
	frappe.db.set_value(
		"Risk Point",
		assessment.risk_point,
		{
			"current_assessment": assessment.name,
			"last_review_date": approved_on,
			"review_due_date": next_review_date(approved_on, get_settings().review_interval_months or 12),
			"needs_reassessment": 0,
			"reassessment_reason": None,
			"reassessment_note": None,
		},
	)
	refresh_risk_levels(assessment.risk_point)


def supersede(assessment_name: str, superseded_by: str) -> None:
	frappe.db.set_value(
		"Risk Assessment",
		assessment_name,
		{"status": "Superseded", "is_current": 0, "superseded_by": superseded_by, "superseded_on": nowdate()},
	)
	for event in frappe.get_all(
		"Risk Event", {"risk_assessment": assessment_name, "status": "Active"}, pluck="name"
	):
		archive_event(event, superseded_by)


def archive_event(event: str, superseded_by: str | None = None) -> None:
	frappe.db.set_value(
		"Risk Event", event, {"status": "Archived", "archived_on": nowdate(), "archived_by": superseded_by}
	)
	measure = frappe.qb.DocType("Control Measure")
	frappe.qb.update(measure).set(measure.status, "Archived").where(measure.risk_event == event).run()


def create_event(assessment, row, method):
	point = frappe.db.get_value(
		"Risk Point", assessment.risk_point, ["department", "responsible_employee"], as_dict=True
	)
	event = frappe.get_doc(
		{
			"doctype": "Risk Event",
			"risk_point": assessment.risk_point,
			"risk_assessment": assessment.name,
			"assessment_row": row.name,
			"identification_method": assessment.identification_method,
			"step_no": row.step_no,
			"step_or_item": row.step_or_item,
			"hazard": row.hazard,
			"hazard_factor_category": row.hazard_factor_category,
			"accident_type": row.accident_type,
			"accident_type_standard": row.accident_type_standard,
			"consequence": row.consequence,
			"evaluation_method": assessment.evaluation_method,
			"factor_values": factor_values_text(method, row),
			"score": row.score,
			"computed_level": row.computed_level,
			"risk_level": row.risk_level,
			"forced_major_reason": row.forced_major_reason,
			"control_level": row.control_level,
			"responsible_department": row.responsible_department or point.department,
			"responsible_employee": row.responsible_employee or point.responsible_employee,
			"status": "Active",
		}
	)
	event.flags.from_assessment = True
	event.insert(ignore_permissions=True)
	for measure in measures_from_row(row.as_dict()):
		frappe.get_doc({"doctype": "Control Measure", "risk_event": event.name, **measure}).insert(
			ignore_permissions=True
		)
	return event


# --- roll-up -----------------------------------------------------------------------------------
def refresh_risk_levels(risk_point: str | None) -> None:
	"""A point's level is the highest of its own live events and its active
	children's levels; recompute it and every ancestor above it."""
	name = risk_point
	while name:
		own = frappe.get_all(
			"Risk Event", {"risk_point": name, "status": "Active"}, ["risk_level", "control_level"]
		)
		point = frappe.db.get_value("Risk Point", name, ["status", "parent_risk_point"], as_dict=True)
		if not point:
			return
		children = frappe.get_all(
			"Risk Point",
			{"parent_risk_point": name, "status": "Active"},
			["current_risk_level", "current_control_level"],
		)
		if point.status == "Retired":
			level = control = None
		else:
			level = highest_level([e.risk_level for e in own] + [c.current_risk_level for c in children])
			control = highest_control_level(
				[e.control_level for e in own] + [c.current_control_level for c in children]
			)
		frappe.db.set_value(
			"Risk Point",
			name,
			{"current_risk_level": level, "current_control_level": control, "live_event_count": len(own)},
			update_modified=False,
		)
		name = point.parent_risk_point


def retire_point(risk_point: str) -> None:
	for event in frappe.get_all("Risk Event", {"risk_point": risk_point, "status": "Active"}, pluck="name"):
		archive_event(event)


# --- revisions and re-assessment ---------------------------------------------------------------
class RevisionError(DualSystemValidationError):
	pass


def revise(assessment_name: str, reason: str | None = None) -> str:
	"""A new draft revision of the live assessment (or the draft already open)."""
	source = frappe.get_doc("Risk Assessment", assessment_name)
	source.check_permission("read")
	if not frappe.has_permission("Risk Assessment", "create"):
		frappe.throw(_("You are not allowed to create a Risk Assessment"), frappe.PermissionError)
	if source.docstatus != 1 or not source.is_current:
		frappe.throw(
			_("Only the current approved revision can be revised; {0} is {1}").format(
				frappe.bold(source.name), _(source.status)
			),
			exc=RevisionError,
			title=_("Cannot Revise"),
		)
	open_draft = frappe.db.get_value(
		"Risk Assessment", {"previous_revision": source.name, "docstatus": 0}, "name"
	)
	if open_draft:
		return open_draft
	new = frappe.copy_doc(source, ignore_no_copy=False)
	new.update(
		{
			"docstatus": 0,  # copy_doc keeps it when frappe.flags.in_test is set
			"previous_revision": source.name,
			"revision_no": (source.revision_no or 1) + 1,
			"status": "Draft",
			"assessment_date": nowdate(),
			"reassessment_reason": reason
			or frappe.db.get_value("Risk Point", source.risk_point, "reassessment_reason")
			or "Periodic Review",
		}
	)
	if new.meta.has_field("workflow_state"):
		new.workflow_state = None
	new.insert()
	return new.name


def mark_needs_reassessment(risk_point: str, reason: str, note: str | None = None) -> None:
	point = frappe.get_doc("Risk Point", risk_point)
	point.check_permission("write")
	reasons = [r for r in point.meta.get_field("reassessment_reason").options.split("\n") if r]
	if reason not in reasons:
		frappe.throw(
			_("Re-assessment Reason must be one of: {0}").format(", ".join(_(r) for r in reasons)),
			exc=DualSystemValidationError,
			title=_("Invalid Reason"),
		)
	point.db_set(
		{
			"needs_reassessment": 1,
			"reassessment_reason": reason,
			"reassessment_note": note,
			"review_due_date": nowdate(),
		}
	)
	point.add_comment("Info", _("Marked for re-assessment: {0}. {1}").format(_(reason), note or "").strip())
