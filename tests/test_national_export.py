"""The national data-model export of the demo plant validates against the documented
layout (dual_system/services/national_export.schema.json, docs/national-export.md)."""

from __future__ import annotations

import copy
from io import BytesIO

import frappe
import pytest
from frappe.utils import add_months, get_first_day, get_last_day, nowdate

from dual_system.api import inspection as api
from dual_system.services import national_export as export

ALL = {f"RP-0{i}" for i in range(1, 9)}


@pytest.fixture(scope="module")
def exported(inspection_demo, demo):
	start = get_first_day(add_months(nowdate(), -1))
	return export.build(demo["company"], start, get_last_day(start))


def nodes(data, level):
	return [row for sheet, row in export.flatten(data) if sheet == level]


def test_the_export_of_the_demo_plant_validates_against_the_schema(exported):
	assert export.validate(exported) == []


def test_the_jsonschema_library_agrees_when_installed(exported):
	jsonschema = pytest.importorskip("jsonschema")
	jsonschema.validate(exported, export.schema())


def test_the_chain_reaches_from_objects_to_records(exported):
	assert {u["code"] for u in nodes(exported, "units")} == ALL
	assert nodes(exported, "events") and nodes(exported, "measures") and nodes(exported, "tasks")
	results = {r["result"] for r in nodes(exported, "records")}
	assert {"ok", "missed"} <= results
	assert {e["risk_level"] for e in nodes(exported, "events")} <= {1, 2, 3, 4}
	# the demo's failed checklist rows behind HD-01 and HD-04: raised by the rows (source 9,
	# failed control measure) or, with the hazard demo loaded, its routine-check tickets (1)
	dangers = nodes(exported, "hidden_dangers")
	assert len(dangers) == 2 and {d["source"] for d in dangers} <= {1, 9}


def test_cycles_work_days_and_包保_work_types_use_the_national_codes(exported):
	tasks = nodes(exported, "tasks")
	weekly = [t for t in tasks if t["work_type"] == 3]
	assert weekly and all((t["cycle"], t["cycle_unit"], t["task_number"]) == (7, "day", 1) for t in weekly)
	hourly = [t for t in tasks if t["cycle_unit"] == "hour"]
	assert hourly and all(t["work_start"] == "08:00:00" and t["work_end"] == "20:00:00" for t in hourly)
	routine = [t for t in tasks if t["work_type"] == 0]
	assert routine and all(t["task_number"] is None for t in routine)


def test_a_document_off_the_layout_is_caught(exported):
	broken = copy.deepcopy(exported)
	task = next(t for t in nodes(broken, "tasks"))
	for o in broken["objects"]:
		for u in o["units"]:
			for e in u["events"]:
				for m in e["measures"]:
					for t in m["tasks"]:
						if t["code"] == task["code"]:
							t["cycle"], t["cycle_unit"] = 0, "week"
							t["surprise"] = True
	errors = export.validate(broken)
	assert any("cycle" in e and "< 1" in e for e in errors)
	assert any("week" in e for e in errors) and any("unexpected surprise" in e for e in errors)


def test_the_workbook_has_a_sheet_per_level_with_every_node(exported):
	from openpyxl import load_workbook

	book = load_workbook(BytesIO(export.workbook(exported)))
	assert book.sheetnames == [name for name, _cols in export.SHEETS]
	for level in ("units", "records", "hidden_dangers"):
		assert book[level].max_row == 1 + len(nodes(exported, level))


def test_only_company_wide_roles_may_export(inspection_demo, demo):
	start = str(get_first_day(add_months(nowdate(), -1)))
	frappe.set_user("safety.manager@demo.example.com")
	try:
		data = api.national_export(demo["company"], start, start)
		assert data["schema"] == export.SCHEMA_VERSION
		frappe.set_user("production.lead@demo.example.com")
		with pytest.raises(frappe.PermissionError):
			api.national_export(demo["company"], start, start)
	finally:
		frappe.set_user("Administrator")
