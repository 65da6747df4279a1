"""Demo investigation (DOMAIN.md §6.1, §9): inspection plans for every demo risk point —
the hourly patrol of the methanol tank farm, daily checks, the weekly 包保 task of its
operating responsible person, monthly workshop checks and a quarterly specialist check
— with last month's tasks generated and answered (most on time, some missed), and the
failed checklist items behind HD-01 (gas detector in fault) and HD-04 (press light
curtain bypassed) raising their hidden dangers when the hazard module can raise them.

Idempotent: a plan is made once per risk point and title; last month's tasks are
generated once (their unique key), and answered only while still open.
"""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import add_days, add_months, get_datetime, get_first_day, get_last_day, getdate, nowdate

from dual_system.services import inspection


def _(message: str) -> str:
	return message


# (risk point, title, investigation type, level, (n, unit, work start, work end), assignee key or
#  a 包保 field of the point, work type, task number)
PLANS = [
	(
		"RP-01",
		_("Tank farm hourly patrol"),
		"Routine",
		"Post Level",
		(1, "Hour", "08:00:00", "20:00:00"),
		"shift",
		"Routine",
		0,
	),
	(
		"RP-01",
		_("Weekly 包保 check of the tank farm"),
		"Routine",
		"Workshop Level",
		(1, "Week", None, None),
		"operating_responsible_person",
		"Operating",
		1,
	),
	(
		"RP-01",
		_("Quarterly specialist check of the tank farm"),
		"Specialist",
		"Company Level",
		(3, "Month", None, None),
		"technical_responsible_person",
		"Technical",
		1,
	),
	(
		"RP-02",
		_("Daily check of reactor R-201"),
		"Routine",
		"Workshop Level",
		(1, "Day", None, None),
		"engineer",
		"Routine",
		0,
	),
	(
		"RP-03",
		_("Monthly check of tank-cleaning permits"),
		"Routine",
		"Workshop Level",
		(1, "Month", None, None),
		"lead",
		"Routine",
		0,
	),
	(
		"RP-04",
		_("Pre-shift check of the 250 t press"),
		"Routine",
		"Team Level",
		(1, "Day", None, None),
		"operator",
		"Routine",
		0,
	),
	(
		"RP-05",
		_("Daily check of the overhead crane"),
		"Routine",
		"Team Level",
		(1, "Day", None, None),
		"lead",
		"Routine",
		0,
	),
	(
		"RP-06",
		_("Daily check of the switch room"),
		"Routine",
		"Post Level",
		(1, "Day", None, None),
		"lead",
		"Routine",
		0,
	),
	(
		"RP-07",
		_("Daily check of forklift routes"),
		"Routine",
		"Team Level",
		(1, "Day", None, None),
		"lead",
		"Routine",
		0,
	),
	(
		"RP-08",
		_("Monthly workshop check of the polishing dust system"),
		"Routine",
		"Workshop Level",
		(1, "Month", None, None),
		"lead",
		"Routine",
		0,
	),
]

# the failed checklist items behind the demo hidden dangers: (plan title, day of last month, note)
DEFECTS = [
	(
		"Weekly 包保 check of the tank farm",
		"HD-01",
		_("Gas detector GT-102-3 on the T-102 dike in fault, no signal to DCS"),
	),
	("Pre-shift check of the 250 t press", "HD-04", _("Press light curtain bypassed with a jumper wire")),
]
ANSWERED_SHARE = 0.85  # of last month's tasks; the rest are missed


def build_inspection_demo(plant: dict, today=None) -> dict:
	frappe.set_user("Administrator")
	today = getdate(today or nowdate())
	month_start = get_first_day(add_months(today, -1))
	month_end = get_last_day(month_start)
	company, people = plant["company"], plant["people"]
	plans = {}
	for code, title, itype, level, cycle, who, work_type, number in PLANS:
		title = frappe._(title)
		point = frappe.get_doc("Risk Point", code)
		existing = frappe.db.get_value("Inspection Plan", {"risk_point": code, "plan_title": title}, "name")
		if existing:
			plans[title] = existing
			continue
		assignee = point.get(who) if who.endswith("_person") else people[who]["employee"]
		interval, unit, start, end = cycle
		plan = frappe.get_doc(
			{
				"doctype": "Inspection Plan",
				"plan_title": title,
				"investigation_type": itype,
				"organisational_level": level,
				"company": company,
				"department": point.department,
				"risk_point": code,
				"cycle_interval": interval,
				"cycle_unit": unit,
				"work_start": start,
				"work_end": end,
				"start_date": month_start,
				"assignee": assignee,
				"baobao_work_type": work_type,
				"task_number": number,
			}
		)
		plan.flags.ignore_permissions = True
		plan.insert()
		plans[title] = plan.name
	patrol = frappe._("Tank farm hourly patrol")
	past = [name for title, name in plans.items() if title != patrol]
	# last month (the hourly patrol only from today: a month of it would be 360 tasks)
	inspection.generate_tasks(
		datetime.datetime.combine(month_start, datetime.time(0, 0)),
		plans=past,
		horizon=(month_end - month_start).days + 1,
		commit=False,
	)
	tickets = _raise_defects(plans, people, month_start)
	_answer_last_month(past, month_start, month_end)
	inspection.generate_tasks(plans=list(plans.values()), commit=False)
	inspection.mark_unanswered(commit=False)
	frappe.set_user("Administrator")
	return {"plans": plans, "tickets": tickets}


def _tasks(plans, start, end, status=("Open", "Overdue")):
	return frappe.get_all(
		"Inspection Task",
		{
			"plan": ("in", plans),
			"status": ("in", status),
			"slot_start": ("between", (get_datetime(start), get_datetime(add_days(end, 1)))),
		},
		["name", "slot_start", "window_end", "assignee_user"],
		order_by="slot_start asc",
	)


def _raise_defects(plans, people, month_start) -> dict:
	"""The failed checklist rows behind HD-01 and HD-04: the demo's existing tickets
	(setup/demo_hazard.py, ``remarks`` = the id) are linked to a failed row of a task of
	the second week; without them the rows raise their own tickets through completion."""
	from dual_system.services import hazard

	out = {}
	for title, label, note in DEFECTS:
		plan = plans.get(frappe._(title))
		if not plan:
			continue
		done = frappe.db.get_value("Inspection Task", {"plan": plan, "defect_count": (">", 0)}, "name")
		if done:
			out[label] = frappe.db.get_value(
				"Inspection Task Item", {"parent": done, "result": "Defect"}, "hazard_ticket"
			)
			continue
		tasks = _tasks([plan], add_days(month_start, 7), add_days(month_start, 13))
		if not tasks:
			continue
		task = frappe.get_doc("Inspection Task", tasks[0].name)
		existing = frappe.db.get_value("Hazard Ticket", {"remarks": label, "company": task.company}, "name")
		if existing:
			out[label] = _link_existing(task, existing, frappe._(note))
			continue
		if not hasattr(hazard, "raise_ticket"):
			continue
		answers = [
			{
				"item": row.name,
				"result": "Defect" if row.idx == 1 else "OK",
				"note": frappe._(note) if row.idx == 1 else None,
			}
			for row in task.items
		]
		frappe.set_user(task.current_user())
		try:
			result = inspection.complete_task(task.name, answers)
		finally:
			frappe.set_user("Administrator")
		_backdate(task.name, task.slot_start)
		out[label] = result.tickets[0] if result.tickets else None
	return out


def _link_existing(task, ticket: str, note: str) -> str:
	"""Record the task as done with its first row failed, behind an existing ticket."""
	done_at = get_datetime(task.slot_start) + datetime.timedelta(hours=1)
	for row in task.items:
		row.result = "Defect" if row.idx == 1 else "OK"
		row.note = note if row.idx == 1 else None
		row.hazard_ticket = ticket if row.idx == 1 else None
	task.status, task.completed_on, task.completed_by = "Done", done_at, task.assignee_user
	task.on_time, task.defect_count = 1, 1
	task.flags.completing = True
	task.flags.ignore_permissions = True
	task.save()
	frappe.db.set_value(
		"Hazard Ticket",
		ticket,
		{"inspection_task": task.name, "inspection_task_item": task.items[0].name},
		update_modified=False,
	)
	return ticket


def _backdate(task: str, slot_start) -> None:
	"""A demo answer given an hour into its window, as if last month."""
	done_at = get_datetime(slot_start) + datetime.timedelta(hours=1)
	frappe.db.set_value(
		"Inspection Task", task, {"completed_on": done_at, "on_time": 1}, update_modified=False
	)


def _answer_last_month(plans, month_start, month_end) -> None:
	"""Most of last month's open tasks answered OK by their assignees (written directly:
	they are history, not a user's action); every seventh left unanswered (missed)."""
	tasks = _tasks(plans, month_start, month_end)
	keep_missed = {
		t.name for i, t in enumerate(tasks) if i % 7 == 6 or (i / max(len(tasks), 1)) > ANSWERED_SHARE + 0.1
	}
	task, item = frappe.qb.DocType("Inspection Task"), frappe.qb.DocType("Inspection Task Item")
	for t in tasks:
		if t.name in keep_missed:
			continue
		done_at = get_datetime(t.slot_start) + datetime.timedelta(hours=2)
		frappe.qb.update(task).set(task.status, "Done").set(task.completed_on, done_at).set(
			task.completed_by, t.assignee_user
		).set(task.on_time, int(done_at <= get_datetime(t.window_end))).set(task.defect_count, 0).where(
			task.name == t.name
		).run()
		frappe.qb.update(item).set(item.result, "OK").where(item.parent == t.name).run()
	todo = frappe.qb.DocType("ToDo")
	frappe.qb.update(todo).set(todo.status, "Closed").where(
		(todo.reference_type == "Inspection Task")
		& todo.reference_name.isin([t.name for t in tasks if t.name not in keep_missed] or [""])
	).run()
