"""Risk graded control: evaluation of assessment rows, approval of revisions,
the live register (events and measures) and the level roll-up over the risk
point tree. Controllers call these; the arithmetic lives in ``dual_system.core``."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from dual_system.core.levels import (
	ControlLevelTooLow,
	UnknownControlLevel,
	check_control_level,
	highest_control_level,
)
from dual_system.core.measures import measures_from_row
from dual_system.core.review import next_review_date
from dual_system.core.scoring import format_score, highest_level
from dual_system.core.vocabulary import IDENTIFICATION_BY_TYPE
from dual_system.services import audit
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


# --- defaults from the risk point ------------------------------------------------------
def apply_point_defaults(assessment) -> None:
	"""Rules that follow from the risk point, applied on the server so the desk,
	REST, Data Import and revisions all get them: the identification method its
	type calls for (JHA for activities, SCL for equipment and areas) when none is
	chosen, and on a major hazard installation the default forced-major reason on
	rows added since the last save (DOMAIN §4.4 c; the analyst may clear it)."""
	point = frappe.db.get_value(
		"Risk Point", assessment.risk_point, ["risk_point_type", "is_major_hazard_installation"], as_dict=True
	)
	if not point:
		return
	if not assessment.identification_method:
		assessment.identification_method = IDENTIFICATION_BY_TYPE.get(point.risk_point_type)
	if not point.is_major_hazard_installation:
		return
	reason = frappe.db.get_value(
		"Forced Major Reason", {"default_for_major_hazard_installation": 1, "enabled": 1}, "name"
	)
	before = assessment.get_doc_before_save()
	saved_rows = {row.name for row in before.rows} if before else set()
	for row in assessment.rows:
		if reason and not row.forced_major_reason and row.name not in saved_rows:
			row.forced_major_reason = reason


# --- evaluation of rows ---------------------------------------------------------------
def row_factor_values(method, row) -> dict:
	return {factor.code: row.get(FACTOR_FIELDS[i]) for i, factor in enumerate(method.factors)}


def factor_values_text(method, row) -> str:
	return " × ".join(
		f"{code}={format_score(value)}" for code, value in row_factor_values(method, row).items()
	)


def evaluate_row(method_name: str, row, label: str, previous_control: str | None = None) -> None:
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
	row.control_level = validated_control_level(result.level, row.control_level, label, previous_control)


def validated_control_level(
	level: str, chosen: str | None, label: str | None = None, previous: str | None = None
) -> str:
	try:
		return check_control_level(level, chosen, control_level_mapping(), previous)
	except ControlLevelTooLow as e:
		throw_core_error(e, exc=ControlLevelError, prefix=label, title=_("Control Level Too Low"))
	except UnknownControlLevel as e:
		throw_core_error(e, exc=ControlLevelError, prefix=label, title=_("Unknown Control Level"))


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
	lock_risk_point_chain(assessment.risk_point)
	previous = current_assessment(assessment.risk_point, exclude=assessment.name)
	if previous:
		supersede(previous, assessment.name)
	assessment.db_set({"is_current": 1, "status": "Approved"})
	method = get_method(assessment.evaluation_method)
	point = frappe.db.get_value(
		"Risk Point",
		assessment.risk_point,
		["name", "risk_point_name", "risk_point_type", "company", "department", "responsible_employee"],
		as_dict=True,
	)
	names = employee_names(
		[row.responsible_employee or point.responsible_employee for row in assessment.rows]
	)
	measures = []
	row_table = frappe.qb.DocType("Risk Assessment Row")
	for row in assessment.rows:
		event = create_event(assessment, row, method, point, names)
		frappe.qb.update(row_table).set(row_table.risk_event, event.name).where(
			row_table.name == row.name
		).run()
		row.risk_event = event.name
		measures += [(event, measure) for measure in measures_from_row(row.as_dict())]
	insert_measures(measures)
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


def employee_names(employees) -> dict[str, str]:
	employees = sorted({e for e in employees if e})
	if not employees:
		return {}
	return dict(
		frappe.get_all("Employee", {"name": ("in", employees)}, ["name", "employee_name"], as_list=True)
	)


def supersede(assessment_name: str, superseded_by: str) -> None:
	"""The previous revision becomes Superseded and its live events and measures
	Archived — each change recorded (Version, and a comment saying why)."""
	reason = _("Superseded by the approval of {0}").format(superseded_by)
	audit.set_values(
		"Risk Assessment",
		[assessment_name],
		{"status": "Superseded", "is_current": 0, "superseded_by": superseded_by, "superseded_on": nowdate()},
		reason,
	)
	events = frappe.get_all(
		"Risk Event", {"risk_assessment": assessment_name, "status": "Active"}, pluck="name"
	)
	archive_events(events, superseded_by, reason)


def archive_events(events: list[str], superseded_by: str | None = None, reason: str | None = None) -> None:
	if not events:
		return
	audit.set_values(
		"Risk Event",
		events,
		{"status": "Archived", "archived_on": nowdate(), "archived_by": superseded_by},
		reason,
	)
	measures = frappe.get_all(
		"Control Measure", {"risk_event": ("in", events), "status": ("!=", "Archived")}, pluck="name"
	)
	audit.set_values("Control Measure", measures, {"status": "Archived"}, reason)


def create_event(assessment, row, method, point, names: dict):
	"""A live Risk Event from an approved row. Its links come from the validated
	assessment and its point, so Frappe's per-link lookups are skipped and the
	fetched values are set from what is at hand."""
	employee = row.responsible_employee or point.responsible_employee
	event = frappe.get_doc(
		{
			"doctype": "Risk Event",
			"risk_point": point.name,
			"risk_point_name": point.risk_point_name,
			"risk_point_type": point.risk_point_type,
			"company": point.company,
			"department": point.department,
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
			"responsible_employee": employee,
			"responsible_employee_name": names.get(employee),
			"status": "Active",
		}
	)
	event.flags.from_assessment = True
	event.flags.ignore_links = True
	event.insert(ignore_permissions=True)
	return event


MEASURE_FIELDS_FROM_EVENT = (
	"risk_point",
	"risk_level",
	"control_level",
	"company",
	"department",
	"responsible_department",
	"responsible_employee_name",
)


def insert_measures(measures: list[tuple]) -> None:
	"""The events' control measures in one statement (plus two for their numbers).

	Written by hand rather than one ``insert()`` each: an approval makes some twenty
	measures, and each insert cost about ten statements (naming series, ERPNext's
	deletion-job check, link lookups, hooks) — two thirds of an approval. The rows
	are exactly what ``insert()`` would write: derived from validated rows, with the
	fields Control Measure fetches from its event; no document hook of the app
	acts on a new measure. What is skipped is Frappe's generic per-document hooks
	(assignment rules and notifications on Control Measure creation)."""
	if not measures:
		return
	from frappe.utils import now_datetime

	names = reserve_series("Control Measure", len(measures))
	now, user = now_datetime(), frappe.session.user
	fields = [
		"name",
		"owner",
		"creation",
		"modified",
		"modified_by",
		"docstatus",
		"idx",
		"naming_series",
		"risk_event",
		*MEASURE_FIELDS_FROM_EVENT,
		"measure_class",
		"description",
		"national_class_l1",
		"national_class_l2",
		"source",
		"status",
	]
	series = frappe.get_meta("Control Measure").get_field("naming_series").options.split("\n")[0]
	values = [
		(
			name,
			user,
			now,
			now,
			user,
			0,
			0,
			series,
			event.name,
			*(event.get(f) for f in MEASURE_FIELDS_FROM_EVENT),
			measure["measure_class"],
			measure["description"],
			measure["national_class_l1"],
			measure["national_class_l2"],
			measure["source"],
			measure["status"],
		)
		for name, (event, measure) in zip(names, measures, strict=True)
	]
	frappe.db.bulk_insert("Control Measure", fields, values)


def reserve_series(doctype: str, count: int) -> list[str]:
	"""``count`` consecutive names of the doctype's naming series, reserved at once."""
	from frappe.model.naming import parse_naming_series

	naming = frappe.get_meta(doctype).get_field("naming_series").options.split("\n")[0]
	found = {}

	def remember(key, digits):
		found.update(key=key, digits=digits)
		return "\0"

	template = parse_naming_series(naming.split("."), doctype=doctype, number_generator=remember)
	key, digits = found["key"], found["digits"]
	series = frappe.qb.DocType("Series")
	current = frappe.qb.from_(series).select(series.current).where(series.name == key).for_update().run()
	if not current:
		frappe.db.sql("insert into `tabSeries` (`name`, `current`) values (%s, 0)", (key,))
		start = 0
	else:
		start = current[0][0] or 0
	frappe.db.sql("update `tabSeries` set `current` = %s where `name` = %s", (start + count, key))
	return [template.replace("\0", str(start + i).zfill(digits)) for i in range(1, count + 1)]


# --- roll-up -----------------------------------------------------------------------------------
def lock_risk_point_chain(risk_point: str | None) -> None:
	"""Lock a point and its ancestors, top down, before changing what they roll up:
	two approvals under the same parent then take turns instead of each rolling
	up a parent from a stale view of its children."""
	chain = []
	name = risk_point
	while name and name not in chain:
		chain.append(name)
		name = frappe.db.get_value("Risk Point", name, "parent_risk_point")
	point = frappe.qb.DocType("Risk Point")
	for name in reversed(chain):
		frappe.qb.from_(point).select(point.name).where(point.name == name).for_update().run()


def refresh_risk_levels(risk_point: str | None) -> None:
	"""A point's level is the highest of its own live events and its active
	children's levels; recompute it and every ancestor above it. Reads lock
	(``for update``), so they see what a concurrent approval committed."""
	lock_risk_point_chain(risk_point)
	event, point_table = frappe.qb.DocType("Risk Event"), frappe.qb.DocType("Risk Point")
	name = risk_point
	while name:
		own = (
			frappe.qb.from_(event)
			.select(event.risk_level, event.control_level)
			.where((event.risk_point == name) & (event.status == "Active"))
			.for_update()
			.run(as_dict=True)
		)
		point = (
			frappe.qb.from_(point_table)
			.select(point_table.status, point_table.parent_risk_point)
			.where(point_table.name == name)
			.for_update()
			.run(as_dict=True)
		)
		if not point:
			return
		point = point[0]
		children = (
			frappe.qb.from_(point_table)
			.select(point_table.current_risk_level, point_table.current_control_level)
			.where((point_table.parent_risk_point == name) & (point_table.status == "Active"))
			.for_update()
			.run(as_dict=True)
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


def follow_point_department(risk_point: str, old: str | None, new: str | None) -> None:
	"""Assessments, events and measures show their point's department (a copy for
	display and filters; permissions never read it): when the point moves, so do
	they — and events whose responsibility lay with the point's department (the
	default) move their responsible department with it."""
	for doctype in ("Risk Assessment", "Risk Event", "Control Measure"):
		table = frappe.qb.DocType(doctype)
		frappe.qb.update(table).set(table.department, new).where(table.risk_point == risk_point).run()
		if doctype != "Risk Assessment" and old:
			frappe.qb.update(table).set(table.responsible_department, new).where(
				(table.risk_point == risk_point) & (table.responsible_department == old)
			).run()


def retire_point(risk_point: str) -> None:
	archive_events(
		frappe.get_all("Risk Event", {"risk_point": risk_point, "status": "Active"}, pluck="name"),
		reason=_("Risk Point {0} was retired").format(risk_point),
	)


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
