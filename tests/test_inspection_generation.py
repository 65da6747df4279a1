"""Task generation under retries, concurrency and crashes: exactly one task per plan and
slot, no gaps. Committed data: the job runs on its own database connections, as RQ
workers do; the module creates its plans and removes them with their tasks."""

from __future__ import annotations

import threading

import frappe
import pytest
from ds_testkit import make_risk_point, run_on_own_connection, unique

from dual_system import scheduler
from dual_system.services import inspection

NOW = "2026-12-01 00:30:00"
PLANS = 3
PER_PLAN = 7 * 4  # horizon of 7 days × slots at 08, 10, 12, 14


@pytest.fixture(scope="module")
def plans(org):
	frappe.set_user("Administrator")
	point = make_risk_point(org.dept["a"], code=unique("RPG-"))
	names = []
	for n in range(PLANS):
		plan = frappe.get_doc(
			{
				"doctype": "Inspection Plan",
				"plan_title": f"Generation {n}",
				"investigation_type": "Routine",
				"company": org.company,
				"department": org.dept["a"],
				"risk_point": point,
				"cycle_interval": 2,
				"cycle_unit": "Hour",
				"work_start": "08:00:00",
				"work_end": "16:00:00",
				"start_date": "2026-12-01",
				"assignee": org.employees["inspector_a"],
				"items": [{"content": f"Check {n}.{i}", "item_class": "On-site"} for i in range(3)],
			}
		).insert()
		names.append(plan.name)
	frappe.db.commit()
	yield frappe._dict(names=names, point=point)
	purge(names)
	frappe.db.delete("Inspection Plan Item", {"parent": ("in", names)})
	frappe.db.delete("Inspection Plan", {"name": ("in", names)})
	frappe.db.delete("Risk Point", {"name": point})
	frappe.db.commit()


def purge(names):
	frappe.db.rollback()
	tasks = frappe.get_all("Inspection Task", {"plan": ("in", names)}, pluck="name")
	if tasks:
		frappe.db.delete("Inspection Task Item", {"parent": ("in", tasks)})
		frappe.db.delete("ToDo", {"reference_type": "Inspection Task", "reference_name": ("in", tasks)})
		frappe.db.delete("Inspection Task", {"name": ("in", tasks)})
	frappe.db.sql("update `tabInspection Plan` set generated_until = null where name in %s", (tuple(names),))
	frappe.db.commit()


@pytest.fixture
def fresh(plans):
	purge(plans.names)
	yield plans
	frappe.db.rollback()


def counts(names):
	frappe.db.rollback()  # see other connections' commits
	tasks = frappe.get_all("Inspection Task", {"plan": ("in", names)}, ["name", "plan", "slot_start"])
	per_plan = {n: sum(1 for t in tasks if t.plan == n) for n in names}
	distinct = len({(t.plan, t.slot_start) for t in tasks})
	task_names = [t.name for t in tasks] or [""]
	items = frappe.db.count("Inspection Task Item", {"parent": ("in", task_names)})
	todos = frappe.db.count(
		"ToDo", {"reference_type": "Inspection Task", "reference_name": ("in", task_names)}
	)
	return per_plan, distinct, items, todos


def assert_complete(names):
	per_plan, distinct, items, todos = counts(names)
	assert per_plan == {n: PER_PLAN for n in names}
	assert distinct == PER_PLAN * len(names)
	assert items == PER_PLAN * len(names) * 3
	assert todos == PER_PLAN * len(names)


def test_two_runs_make_each_task_once(fresh):
	inspection.generate_tasks(NOW, plans=fresh.names)
	inspection.generate_tasks(NOW, plans=fresh.names)
	assert_complete(fresh.names)


def test_forgotten_progress_and_a_rerun_still_make_each_task_once(fresh):
	inspection.generate_tasks(NOW, plans=fresh.names)
	frappe.db.sql(
		"update `tabInspection Plan` set generated_until = null where name in %s", (tuple(fresh.names),)
	)
	frappe.db.commit()
	inspection.generate_tasks(NOW, plans=fresh.names)
	assert_complete(fresh.names)


def test_concurrent_workers_make_each_task_once(fresh):
	workers = 3
	barrier = threading.Barrier(workers)
	threads = [
		run_on_own_connection(lambda: inspection.generate_tasks(NOW, plans=fresh.names), barrier)
		for _ in range(workers)
	]
	for t in threads:
		t.start()
	for t in threads:
		t.join(timeout=180)
	assert_complete(fresh.names)


def test_a_run_killed_midway_and_rerun_leaves_no_gap_and_no_duplicate(fresh, monkeypatch):
	real = inspection._generate_batch
	calls = {"n": 0}

	def dies_on_the_second_batch(batch, now, until):
		calls["n"] += 1
		if calls["n"] == 2:
			real(batch[:1], now, until)  # half of the batch written, not committed
			raise SystemExit("killed")
		return real(batch, now, until)

	monkeypatch.setattr(inspection, "_generate_batch", dies_on_the_second_batch)
	with pytest.raises(SystemExit):
		inspection.generate_tasks(NOW, batch_size=1, plans=fresh.names)
	frappe.db.rollback()  # the killed worker's open transaction is lost
	per_plan, *_ = counts(fresh.names)
	assert sorted(per_plan.values()) == [0, 0, PER_PLAN]  # first batch committed
	monkeypatch.setattr(inspection, "_generate_batch", real)
	inspection.generate_tasks(NOW, batch_size=1, plans=fresh.names)
	assert_complete(fresh.names)


def test_the_hourly_job_is_registered_and_generates_and_marks():
	assert (
		"dual_system.scheduler.generate_inspection_tasks"
		in frappe.get_hooks("scheduler_events")["hourly_long"]
	)
	assert callable(scheduler.generate_inspection_tasks)
