"""Hidden-danger investigation (隐患排查, DOMAIN.md §6.1, §6.2): checklists from control
measures, task generation, missed windows and completing a task.

Task generation is idempotent by a unique key, not by luck: a task's name is its plan
and slot (``core.schedule.task_name``) and the database also holds a unique index on
(plan, slot_start); its checklist rows and its ToDo have names derived from it. Rows are
written with ``INSERT IGNORE``, so two workers generating the same plan at once, a job
run twice, or a job killed midway and run again leave exactly one task per slot. Each
plan remembers until when its tasks were generated (``generated_until``), written in
the same transaction as its tasks, so a rerun only selects plans with work left.
"""

from __future__ import annotations

import datetime
import json

import frappe
from frappe import _
from frappe.utils import add_days, get_datetime, get_link_to_form, getdate, now_datetime, to_timedelta

from dual_system.core import investigation, schedule
from dual_system.services.errors import DualSystemValidationError

PLAN_BATCH = 100
BASIC_MANAGEMENT_CLASSES = {"Management Measures", "Training and Education Measures"}
BASIC, ON_SITE = "Basic Management", "On-site"
RESULTS = ("OK", "Defect", "Not Applicable")
FAILED_CONTROL_MEASURE = "Failed Control Measure"


class InspectionPlanError(DualSystemValidationError):
	"""A plan whose cycle, dates, scope or checklist cannot be used."""


class InspectionTaskError(DualSystemValidationError):
	"""A task answered by someone else, twice, incompletely or after it was missed."""


# --- cycles and calendars ---------------------------------------------------------------------
def _time(value) -> datetime.time | None:
	if not value:
		return None
	if isinstance(value, datetime.time):
		return value
	seconds = int(to_timedelta(value).total_seconds())
	return datetime.time(seconds // 3600 % 24, seconds // 60 % 60)


def plan_cycle(plan) -> schedule.Cycle:
	hourly = plan.get("cycle_unit") == schedule.HOUR
	return schedule.Cycle(
		interval=int(plan.get("cycle_interval") or 0),
		unit=plan.get("cycle_unit"),
		work_day_type=plan.get("work_day_type") or schedule.EVERY_DAY,
		work_start=_time(plan.get("work_start")) if hourly else None,
		work_end=_time(plan.get("work_end")) if hourly else None,
	)


def company_holidays(company: str, start, end) -> set[datetime.date] | None:
	"""Days off of the company's default ERPNext Holiday List between two dates; None when
	the company has none (then Saturday and Sunday are the days off)."""
	holiday_list = frappe.get_cached_value("Company", company, "default_holiday_list")
	if not holiday_list:
		return None
	days = frappe.get_all(
		"Holiday",
		filters={
			"parent": holiday_list,
			"parenttype": "Holiday List",
			"holiday_date": ("between", (getdate(start), getdate(end))),
		},
		pluck="holiday_date",
	)
	return {getdate(d) for d in days}


def cycle_error_message(error: schedule.ScheduleError) -> str:
	return {
		"interval": _("The cycle interval must be a whole number greater than 0"),
		"unit": _("Choose a cycle unit: hour, day, week, month or year"),
		"work_day_type": _("Choose a work-day type: every day, working days or non-working days"),
		"work_hours": _("Work end must be after work start"),
		"period": _("The end date is before the start date"),
	}[error.code]


# --- checklists ---------------------------------------------------------------------------------
def item_class(measure_class: str | None) -> str:
	"""Basic-management items (rules, training…) versus on-site items (DOMAIN.md §6.2)."""
	return BASIC if measure_class in BASIC_MANAGEMENT_CLASSES else ON_SITE


def scoped_measures(
	control_measure=None, risk_event=None, risk_point=None, departments=None, company=None
) -> list[frappe._dict]:
	"""The active control measures of the narrowest scope given: a measure, an event, a
	risk point (and the points under it), or departments (the active risk points of the
	company's departments and their sub-departments, ``core.investigation``)."""
	fields = [
		"name",
		"company",
		"risk_event",
		"risk_point",
		"measure_class",
		"description",
		"check_content",
		"check_standard",
	]
	if control_measure:
		filters = {"name": control_measure}
	elif risk_event:
		filters = {"risk_event": risk_event, "status": "Active"}
	elif risk_point:
		lft, rgt = frappe.db.get_value("Risk Point", risk_point, ["lft", "rgt"]) or (0, 0)
		points = frappe.get_all(
			"Risk Point", {"lft": (">=", lft), "rgt": ("<=", rgt), "status": "Active"}, pluck="name"
		)
		filters = {"risk_point": ("in", points or [risk_point]), "status": "Active"}
	elif departments:
		points = frappe.get_all(
			"Risk Point",
			{
				"department": ("in", covered_departments(company, departments) or [""]),
				"company": company,
				"status": "Active",
			},
			pluck="name",
		)
		if not points:
			return []
		filters = {"risk_point": ("in", points), "status": "Active"}
	else:
		return []
	return frappe.get_all("Control Measure", filters=filters, fields=fields, order_by="risk_point, creation")


def covered_departments(company: str, departments) -> list[str]:
	"""The company's departments in the subtrees of ``departments`` (themselves included)."""
	tree = frappe.get_all("Department", {"company": company}, ["name", "lft", "rgt"], as_list=True)
	return investigation.departments_in_subtrees(tree, departments)


def type_default_cycle(investigation_type: str | None, level: str | None):
	"""The investigation type's default cycle for an organisational level (``core.investigation``)."""
	if not investigation_type:
		return None
	cycles = frappe.get_all(
		"Investigation Type Cycle",
		filters={"parent": investigation_type, "parenttype": "Investigation Type", "parentfield": "cycles"},
		fields=["organisational_level", "cycle_interval", "cycle_unit"],
		order_by="idx asc",
	)
	return investigation.default_cycle(cycles, level)


def checklist_rows(measures) -> list[dict]:
	return [
		{
			"control_measure": m.name,
			"risk_event": m.risk_event,
			"risk_point": m.risk_point,
			"content": m.check_content or m.description,
			"standard": m.check_standard,
			"item_class": item_class(m.measure_class),
		}
		for m in measures
	]


# --- making plans from risk points and measures ------------------------------------------------
def new_plan(doctype: str, name: str) -> frappe.model.document.Document:
	"""An inspection plan for a risk point (all its active measures) or one control
	measure, with the measure's cycle and the point's responsible person; inserted with
	the caller's permissions."""
	if doctype not in ("Risk Point", "Control Measure"):
		frappe.throw(
			_("Inspection plans are made from a Risk Point or a Control Measure"), InspectionPlanError
		)
	if not frappe.has_permission(doctype, "read", doc=name):
		frappe.throw(_("Not permitted to read {0}").format(_(doctype)), frappe.PermissionError)
	if doctype == "Control Measure":
		measure = frappe.get_doc("Control Measure", name)
		point = frappe.get_doc("Risk Point", measure.risk_point)
		title = _("Check: {0}").format(measure.description[:80])
		scope = {"control_measure": measure.name, "risk_point": point.name}
		cycle = (
			(measure.cycle_value, measure.cycle_unit) if measure.cycle_value and measure.cycle_unit else None
		)
		level = measure.checker_level or measure.control_level
	else:
		point = frappe.get_doc("Risk Point", name)
		measure = None
		title = _("Check: {0}").format(point.risk_point_name)
		scope = {"risk_point": point.name}
		first = frappe.db.get_value(
			"Control Measure",
			{"risk_point": point.name, "status": "Active", "cycle_value": (">", 0)},
			["cycle_value", "cycle_unit"],
			order_by="creation asc",
		)
		cycle = first
		level = point.current_control_level
	plan = frappe.get_doc(
		{
			"doctype": "Inspection Plan",
			"plan_title": title,
			"investigation_type": frappe.db.get_value("Investigation Type", {"hazard_source_code": 1})
			or None,
			"organisational_level": level,
			"company": point.company,
			"department": point.department,
			**scope,
			# without a cycle of its own: the type's default for the level (InspectionPlan.set_default_cycle)
			"cycle_interval": cycle[0] if cycle else None,
			"cycle_unit": cycle[1] if cycle else None,
			"start_date": getdate(),
			"assignee": point.responsible_employee,
			"assignee_role": None if point.responsible_employee else "Inspector",
			"assignee_department": None if point.responsible_employee else point.department,
		}
	)
	plan.insert()
	return plan


# --- generating tasks -------------------------------------------------------------------------
def horizon_days() -> int:
	return int(frappe.db.get_single_value("Dual System Settings", "task_horizon_days") or 7)


def generate_tasks(
	now=None,
	batch_size: int = PLAN_BATCH,
	plans: list[str] | None = None,
	horizon: int | None = None,
	commit: bool = True,
) -> int:
	"""Make the tasks due within the horizon (days, Settings by default) for every enabled
	plan, a batch of plans per transaction; returns how many tasks were made (an existing
	task made again is counted but not written)."""
	now = get_datetime(now or now_datetime())
	days = horizon_days() if horizon is None else horizon
	until = datetime.datetime.combine(add_days(now.date(), days), datetime.time(0, 0))
	written, cursor = 0, ""
	while True:
		filters = [["enabled", "=", 1], ["name", ">", cursor]]
		if plans is not None:
			filters.append(["name", "in", plans or [""]])
		batch = frappe.get_all(
			"Inspection Plan",
			filters=filters,
			or_filters=[["generated_until", "is", "not set"], ["generated_until", "<", until]],
			fields=PLAN_FIELDS,
			order_by="name asc",
			limit=batch_size,
		)
		if not batch:
			return written
		if not commit:  # inside the caller's transaction (tests, the demo)
			written += _generate_batch(batch, now, until)
		for attempt in range(3 if commit else 0):
			try:
				written += _generate_batch(batch, now, until)
				frappe.db.commit()
				break
			except frappe.QueryDeadlockError:
				frappe.db.rollback()
				if attempt == 2:
					raise
		if len(batch) < batch_size:
			return written
		cursor = batch[-1].name


PLAN_FIELDS = [
	"name",
	"plan_title",
	"company",
	"department",
	"investigation_type",
	"risk_point",
	"cycle_interval",
	"cycle_unit",
	"work_day_type",
	"work_start",
	"work_end",
	"start_date",
	"end_date",
	"assignee",
	"assignee_role",
	"assignee_department",
	"baobao_work_type",
	"generated_until",
]


def _generate_batch(plans, now: datetime.datetime, until: datetime.datetime) -> int:
	today = datetime.datetime.combine(now.date(), datetime.time(0, 0))
	items = _plan_items([p.name for p in plans])
	people = _employees({p.assignee for p in plans if p.assignee})
	generated: dict[datetime.datetime, list[str]] = {}
	tasks, rows, todos = [], [], []
	stamp = now_datetime()
	for plan in plans:
		start = max(get_datetime(plan.generated_until) if plan.generated_until else today, today)
		start = max(start, datetime.datetime.combine(getdate(plan.start_date), datetime.time(0, 0)))
		end = until
		if plan.end_date:
			end = min(end, datetime.datetime.combine(add_days(plan.end_date, 1), datetime.time(0, 0)))
		if end <= start:
			continue
		holidays = None
		if plan.work_day_type != schedule.EVERY_DAY:
			holidays = company_holidays(plan.company, add_days(start.date(), -1), add_days(end.date(), 400))
		employee, user, employee_name = resolve_assignee(plan, people)
		for slot in schedule.iter_slots(plan_cycle(plan), getdate(plan.start_date), start, end, holidays):
			name = schedule.task_name(plan.name, slot.start)
			tasks.append(
				(
					name,
					plan.name,
					plan.plan_title,
					plan.investigation_type,
					plan.risk_point,
					"Open",
					slot.start,
					slot.window_end,
					plan.company,
					plan.department,
					plan.baobao_work_type,
					employee,
					employee_name,
					user,
					json.dumps([user]) if user else None,
					stamp,
					stamp,
					"Administrator",
					"Administrator",
				)
			)
			for idx, item in enumerate(items.get(plan.name, ()), start=1):
				rows.append(
					(
						f"{name}-{idx}",
						name,
						"Inspection Task",
						"items",
						idx,
						item.control_measure,
						item.risk_event,
						item.risk_point,
						item.content,
						item.standard,
						item.item_class,
						stamp,
						stamp,
						"Administrator",
						"Administrator",
					)
				)
			if user:
				todos.append(
					(
						f"ITD-{name}",
						"Open",
						"Medium",
						slot.window_end.date(),
						user,
						_("Inspection task {0}: {1}").format(name, plan.plan_title),
						"Inspection Task",
						name,
						"Administrator",
						stamp,
						stamp,
						"Administrator",
						"Administrator",
					)
				)
		generated.setdefault(end, []).append(plan.name)
	insert_rows(tasks, rows, todos)
	plan_table = frappe.qb.DocType("Inspection Plan")
	for end, names in generated.items():
		frappe.qb.update(plan_table).set(plan_table.generated_until, end).where(
			plan_table.name.isin(names)
		).run()
	return len(tasks)


TASK_COLUMNS = [
	"name",
	"plan",
	"plan_title",
	"investigation_type",
	"risk_point",
	"status",
	"slot_start",
	"window_end",
	"company",
	"department",
	"baobao_work_type",
	"assignee",
	"assignee_name",
	"assignee_user",
	"_assign",
	"creation",
	"modified",
	"owner",
	"modified_by",
]
ITEM_COLUMNS = [
	"name",
	"parent",
	"parenttype",
	"parentfield",
	"idx",
	"control_measure",
	"risk_event",
	"risk_point",
	"content",
	"standard",
	"item_class",
	"creation",
	"modified",
	"owner",
	"modified_by",
]
TODO_COLUMNS = [
	"name",
	"status",
	"priority",
	"date",
	"allocated_to",
	"description",
	"reference_type",
	"reference_name",
	"assigned_by",
	"creation",
	"modified",
	"owner",
	"modified_by",
]


def insert_rows(tasks, rows, todos, chunk: int = 1000) -> None:
	"""``INSERT IGNORE`` of tasks, their checklist rows and ToDos: a row already written
	(by an earlier or a concurrent run) is skipped by its unique key."""
	frappe.db.bulk_insert("Inspection Task", TASK_COLUMNS, tasks, ignore_duplicates=True, chunk_size=chunk)
	frappe.db.bulk_insert(
		"Inspection Task Item", ITEM_COLUMNS, rows, ignore_duplicates=True, chunk_size=chunk
	)
	frappe.db.bulk_insert("ToDo", TODO_COLUMNS, todos, ignore_duplicates=True, chunk_size=chunk)


def _plan_items(plans: list[str]) -> dict[str, list]:
	out: dict[str, list] = {}
	for row in frappe.get_all(
		"Inspection Plan Item",
		filters={"parent": ("in", plans), "parenttype": "Inspection Plan"},
		fields=["parent", "control_measure", "risk_event", "risk_point", "content", "standard", "item_class"],
		order_by="parent, idx",
	):
		out.setdefault(row.parent, []).append(row)
	return out


def _employees(names) -> dict[str, tuple]:
	"""Employee → (user, name) of a batch's assignees, in one query."""
	if not names:
		return {}
	return {
		e.name: (e.user_id, e.employee_name)
		for e in frappe.get_all(
			"Employee", {"name": ("in", sorted(names))}, ["name", "user_id", "employee_name"]
		)
	}


def resolve_assignee(plan, people: dict | None = None) -> tuple[str | None, str | None, str | None]:
	"""(employee, user, name) who does the plan's tasks: the plan's employee, or the first
	active employee of the assignee department whose user holds the assignee role."""
	employee = plan.get("assignee")
	if not employee and plan.get("assignee_role") and plan.get("assignee_department"):
		has_role = frappe.qb.DocType("Has Role")
		emp = frappe.qb.DocType("Employee")
		found = (
			frappe.qb.from_(emp)
			.join(has_role)
			.on((has_role.parent == emp.user_id) & (has_role.parenttype == "User"))
			.select(emp.name)
			.where(
				(emp.department == plan.assignee_department)
				& (emp.status == "Active")
				& (has_role.role == plan.assignee_role)
			)
			.orderby(emp.name)
			.limit(1)
			.run(pluck=True)
		)
		employee = found[0] if found else None
	if not employee:
		return None, None, None
	if people is not None and employee in people:
		user, name = people[employee]
	else:
		user, name = frappe.db.get_value("Employee", employee, ["user_id", "employee_name"]) or (None, None)
	return employee, user, name


# --- missed windows ------------------------------------------------------------------------------
def mark_unanswered(now=None, commit: bool = True) -> tuple[int, int]:
	"""Open tasks whose window passed become Overdue; those past their grace (one more
	window, at most a day) become Missed and their ToDos are cancelled. Returns counts."""
	now = get_datetime(now or now_datetime())
	task = frappe.qb.DocType("Inspection Task")
	missed = frappe.db.sql_list(
		"""select name from `tabInspection Task`
		where status in ('Open', 'Overdue')
			and timestampadd(second, least(timestampdiff(second, slot_start, window_end), %(grace)s), window_end)
				<= %(now)s""",
		{"grace": int(schedule.MAX_GRACE.total_seconds()), "now": now},
	)
	for start in range(0, len(missed), 1000):
		chunk = missed[start : start + 1000]
		frappe.qb.update(task).set(task.status, schedule.MISSED).where(task.name.isin(chunk)).where(
			task.status.isin([schedule.OPEN, schedule.OVERDUE])
		).run()
		todo = frappe.qb.DocType("ToDo")
		frappe.qb.update(todo).set(todo.status, "Cancelled").where(
			(todo.reference_type == "Inspection Task")
			& todo.reference_name.isin(chunk)
			& (todo.status == "Open")
		).run()
	overdue = (
		frappe.qb.from_(task)
		.select(task.name)
		.where((task.status == schedule.OPEN) & (task.window_end <= now))
		.run(pluck=True)
	)
	for start in range(0, len(overdue), 1000):
		frappe.qb.update(task).set(task.status, schedule.OVERDUE).where(
			task.name.isin(overdue[start : start + 1000])
		).where(task.status == schedule.OPEN).run()
	if commit:
		frappe.db.commit()
	return len(overdue), len(missed)


# --- completing a task ---------------------------------------------------------------------------
def parse_answers(answers) -> dict[str, dict]:
	"""``answers``: a JSON or list of {item (row name), result, note, photo}, or a dict keyed by row name."""
	if isinstance(answers, str):
		answers = json.loads(answers or "[]")
	if isinstance(answers, dict):
		return {str(k): dict(v or {}) for k, v in answers.items()}
	return {str(a.get("item") or a.get("name")): dict(a) for a in answers or ()}


def complete_task(task: str, answers, user: str | None = None) -> frappe._dict:
	"""Record the answers of an inspection task as its assignee, once; each defect raises a
	Hazard Ticket (source Failed Control Measure) — one per checklist row, even when
	completion is retried. Returns the task's status and its tickets."""
	user = user or frappe.session.user
	if not frappe.db.exists("Inspection Task", task):
		frappe.throw(_("Inspection Task {0} not found").format(frappe.bold(task)), frappe.DoesNotExistError)
	# one completion at a time per task: the row is locked until this transaction ends
	frappe.db.sql("select name from `tabInspection Task` where name = %s for update", task)
	doc = frappe.get_doc("Inspection Task", task)
	if user != doc.current_user():
		frappe.throw(
			_("Only the assignee of inspection task {0} can record its results").format(frappe.bold(task)),
			frappe.PermissionError,
			title=_("Not Permitted"),
		)
	if doc.status == schedule.DONE:
		frappe.throw(
			_("Inspection task {0} was completed on {1}: its record cannot be changed").format(
				frappe.bold(task), frappe.utils.format_datetime(doc.completed_on)
			),
			InspectionTaskError,
			title=_("Already Completed"),
		)
	if doc.status == schedule.MISSED:
		frappe.throw(
			_("Inspection task {0} was missed: its window has passed").format(frappe.bold(task)),
			InspectionTaskError,
			title=_("Task Missed"),
		)
	given = parse_answers(answers)
	unknown = sorted(set(given) - {row.name for row in doc.items})
	if unknown:
		frappe.throw(
			_("Rows {0} are not on the checklist of {1}").format(", ".join(unknown), task),
			InspectionTaskError,
		)
	for row in doc.items:
		answer = given.get(row.name) or {}
		result, note = answer.get("result") or row.result, (answer.get("note") or row.note or "").strip()
		if result not in RESULTS:
			frappe.throw(
				_("Row {0}: answer {1} with OK, Defect or Not Applicable").format(
					row.idx, frappe.bold(row.content)
				),
				InspectionTaskError,
				title=_("Checklist Incomplete"),
			)
		if result == "Defect" and not note:
			frappe.throw(
				_("Row {0}: describe the defect found at {1}").format(row.idx, frappe.bold(row.content)),
				InspectionTaskError,
				title=_("Defect Needs a Note"),
			)
		row.result, row.note = result, note or None
		if answer.get("photo"):
			row.photo = claim_photo(answer["photo"], doc, row, user)
	now = now_datetime()
	doc.status = schedule.DONE
	doc.completed_on = now
	doc.completed_by = user
	doc.on_time = int(now <= get_datetime(doc.window_end))
	doc.defect_count = sum(1 for row in doc.items if row.result == "Defect")
	for row in doc.items:
		if row.result == "Defect" and not row.hazard_ticket:
			row.hazard_ticket = raise_defect(doc, row)
	doc.flags.completing = True
	doc.flags.ignore_permissions = True
	doc.save()
	todo = frappe.qb.DocType("ToDo")
	frappe.qb.update(todo).set(todo.status, "Closed").where(
		(todo.reference_type == "Inspection Task") & (todo.reference_name == task) & (todo.status == "Open")
	).run()
	return frappe._dict(
		task=doc.name,
		status=doc.status,
		on_time=doc.on_time,
		tickets=[row.hazard_ticket for row in doc.items if row.hazard_ticket],
	)


def claim_photo(url: str, task, row, user: str) -> str:
	"""The photo of a checklist row: a private file the answering user uploaded (the
	phone page uploads it unattached, as the assignee may not write the task), attached
	here to the task, so whoever may read the task may see it and nobody else. A file
	already attached to the task (a retried completion) is kept."""
	url = (url or "").strip()
	files = frappe.get_all(
		"File",
		filters={"file_url": url, "is_folder": 0},
		fields=["name", "owner", "is_private", "attached_to_doctype", "attached_to_name"],
	)
	if any(f.attached_to_doctype == task.doctype and f.attached_to_name == task.name for f in files):
		return url
	mine = [f for f in files if f.owner == user and not f.attached_to_doctype and f.is_private]
	if not mine:
		frappe.throw(
			_("Row {0}: the photo must be a private file you uploaded yourself").format(row.idx),
			InspectionTaskError,
			title=_("Invalid Photo"),
		)
	attach_file(mine[0].name, task.doctype, task.name, "photo")
	return url


def attach_file(file: str, doctype: str, name: str, field: str) -> None:
	frappe.db.set_value(
		"File",
		file,
		{"attached_to_doctype": doctype, "attached_to_name": name, "attached_to_field": field},
		update_modified=False,
	)


def attach_copy(url: str | None, doctype: str, name: str, field: str) -> None:
	"""A private File record of ``url`` attached to a record (the same stored file, as
	Frappe keeps one record per attachment); nothing when one is already there."""
	if not url or frappe.db.exists(
		"File", {"file_url": url, "attached_to_doctype": doctype, "attached_to_name": name}
	):
		return
	frappe.get_doc(
		{
			"doctype": "File",
			"file_url": url,
			"is_private": 1 if url.startswith("/private/") else 0,
			"attached_to_doctype": doctype,
			"attached_to_name": name,
			"attached_to_field": field,
			"folder": "Home/Attachments",
		}
	).insert(ignore_permissions=True)


def raise_defect(task, row) -> str:
	"""The Hazard Ticket of a failed checklist row; the existing one when a previous
	attempt already raised it (one ticket per task row)."""
	existing = frappe.db.get_value("Hazard Ticket", {"inspection_task_item": row.name}, "name")
	if existing:
		return existing
	from dual_system.services import hazard

	location, asset = (None, None)
	if row.risk_point:
		location, asset = frappe.db.get_value("Risk Point", row.risk_point, ["location", "asset"]) or (
			None,
			None,
		)
	# the assignee answering its own task may report what it found at the task's risk point,
	# wherever that point's department lies (complete_task checked who answers)
	ticket = hazard.raise_ticket(
		{
			"company": task.company,
			"department": task.department,
			"source": FAILED_CONTROL_MEASURE,
			"date_found": task.completed_on,
			"finder": task.assignee,
			"risk_point": row.risk_point,
			"risk_event": row.risk_event,
			"control_measure": row.control_measure,
			"location": location,
			"asset": asset,
			"description": f"{row.content}: {row.note}",
			"photo_before": row.photo,
			"item_class": row.item_class,
			"inspection_task": task.name,
			"inspection_task_item": row.name,
		},
		ignore_permissions=True,
	)
	# the photo is the ticket's before-photo too: readable by whoever may read the ticket
	attach_copy(row.photo, "Hazard Ticket", ticket, "photo_before")
	return ticket


def task_link(name: str) -> str:
	return get_link_to_form("Inspection Task", name)
