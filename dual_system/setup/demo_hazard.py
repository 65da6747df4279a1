"""The demo plant's hidden dangers HD-01..HD-07 (DOMAIN.md §9.2), each walked to its
state through the "Hazard Ticket" workflow by the demo users: reported by the people
who found them, registered and graded by the production safety lead (majors by the
safety manager), rectified by the maintenance supervisor, accepted by the issuing
level; the majors with governance plans approved by the company principal, work
stopped and reports to the authority and the workers' congress. Funds are booked on
the demo company's main cost centre. Loading twice changes nothing (a ticket is
found again by its description).
"""

from __future__ import annotations

import base64

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, nowdate

from dual_system.services import hazard
from dual_system.setup.demo import _t, ensure_demo_user


def _(message: str) -> str:
	return message


OWNER = ("maintenance@demo.example.com", _("Guo Liang"), ["Rectification Owner"], _("Maintenance Supervisor"))

# Order No. 10 (2023) items the demo cites (the 2017 chemical list is seeded on install)
MEM_ORDER_10 = {
	"standard_code": "MEM-2023-10",
	"standard_title": _(
		"Criteria for Major Hidden Dangers in Industry and Trade Enterprises (MEM Order No. 10)"
	),
	"sector": _("Industry and trade"),
}
MEM_ITEMS = {
	3: (_("Special-operations workers working without certificates"), 0),
	30: (_("Dry dust collector without airlock discharge or isolation"), 1),
}

# a 1×1 PNG: the demo's before and after photos
PIXEL = base64.b64decode(
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII="
)

TICKETS = [
	{
		"id": "HD-01",
		"point": "RP-01",
		"finder": "shift",
		"source": "Routine",
		"description": _("Gas detector GT-102-3 on the T-102 dike in fault, no signal to DCS"),
		"hazard_type": "Instrumentation",
		"item_class": "On-site",
		"basis": "GB/T 50493",
		"grade": "General",
		"level": "Workshop",
		"handling": "By Deadline",
		"days": 2,
		"measures": _("Replace the detector head and restore the DCS signal"),
		"contingency": _("Portable gas checks every 2 h and a hot-work ban meanwhile"),
		"funds": 1200,
		"state": "Closed",
		"acceptor": "officer",
	},
	{
		"id": "HD-02",
		"point": "RP-02",
		"finder": "lead",
		"source": "Specialist",
		"description": _("PSV-201 annual calibration 20 days overdue, valve still in service"),
		"hazard_type": "Equipment",
		"item_class": "On-site",
		"basis": "TSG 21",
		"grade": "General",
		"level": "Company",
		"handling": "By Deadline",
		"days": 10,
		"measures": _("Swap to the spare valve and send PSV-201 for calibration"),
		"contingency": _("Tighter pressure alarm limits until the swap"),
		"funds": 5000,
		"state": "Closed",
		"acceptor": "manager",
	},
	{
		"id": "HD-03",
		"point": "RP-03",
		"finder": "officer",
		"source": "Comprehensive",
		"description": _("Contractor entered T-104 with no permit and no gas test"),
		"hazard_type": "Safety",
		"item_class": "Basic Management",
		"basis": _("2017 list item 18"),
		"criterion": ("AJZGS-2017-121", 18),
		"handling": "By Deadline",
		"days": 15,
		"measures": _("Contractor rules, retraining, electronic permits"),
		"contingency": _("Tank entry suspended until the permit system is in place"),
		"funds": 30000,
		"state": "Rectifying",
	},
	{
		"id": "HD-04",
		"point": "RP-04",
		"finder": "operator",
		"source": "Routine",
		"description": _("Press light curtain bypassed with a jumper wire"),
		"hazard_type": "Equipment",
		"item_class": "On-site",
		"basis": _("Machinery guarding rules"),
		"handling": "On the Spot",
		"note": _("Jumper removed, cabinet sealed, worker assessed"),
		"state": "On the Spot",
	},
	{
		"id": "HD-05",
		"point": "RP-08",
		"finder": "officer",
		"source": "External Expert Diagnosis",
		"description": _("Dry aluminium-dust collector has no airlock discharge valve"),
		"hazard_type": "Equipment",
		"item_class": "On-site",
		"basis": _("MEM Order No. 10, dust items"),
		"criterion": ("MEM-2023-10", 30),
		"handling": "By Deadline",
		"days": 30,
		"measures": _("Install airlock and isolation valves"),
		"contingency": _("Partial shutdown of the polishing line"),
		"funds": 80000,
		"state": "Awaiting Acceptance",
	},
	{
		"id": "HD-06",
		"point": "RP-06",
		"finder": "lead",
		"source": "Seasonal",
		"description": _("Rodent plate missing at the switch-room door"),
		"hazard_type": "Electrical",
		"item_class": "On-site",
		"basis": _("Power-distribution rules"),
		"handling": "On the Spot",
		"note": _("Rodent plate refitted"),
		"state": "On the Spot",
	},
	{
		"id": "HD-07",
		"point": "RP-07",
		"finder": "officer",
		"source": "Pre-restart",
		"description": _("New forklift driver without a certificate"),
		"hazard_type": "Safety",
		"item_class": "Basic Management",
		"basis": _("MEM Order No. 10, Art. 3(2)"),
		"criterion": ("MEM-2023-10", 3),
		"handling": "By Deadline",
		"days": 20,
		"measures": _("Remove from driving and send for certification"),
		"contingency": _("Only certified drivers on the forklift roster"),
		"funds": 2000,
		"state": "Closed",
		"acceptor": "manager",
	},
]


def build_hazard_demo(plant: dict) -> dict:
	"""Create the seven hidden dangers on the demo plant; returns {HD id: ticket name}."""
	frappe.set_user("Administrator")
	company = plant["company"]
	people = dict(plant["people"])
	people["owner"] = _owner(company, plant["departments"])
	criteria = _criteria()
	cost_center = frappe.db.get_value("Company", company, "cost_center")
	tickets = {}
	for spec in TICKETS:
		tickets[spec["id"]] = _ticket(spec, company, people, criteria, cost_center)
	frappe.set_user("Administrator")
	return tickets


def _owner(company: str, departments: dict) -> dict:
	email, full_name, roles, designation = OWNER
	ensure_demo_user(email, _t(full_name), roles)
	employee = frappe.db.get_value("Employee", {"user_id": email}, "name")
	if not employee:
		designation = _t(designation)
		if not frappe.db.exists("Designation", designation):
			frappe.get_doc({"doctype": "Designation", "designation_name": designation}).insert(
				ignore_permissions=True
			)
		first, _sep, last = _t(full_name).partition(" ")
		doc = frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": first,
				"last_name": last or None,
				"gender": "Male",
				"date_of_birth": "1988-06-01",
				"date_of_joining": "2018-03-01",
				"company": company,
				"department": departments["production"],
				"designation": designation,
				"user_id": email,
				"status": "Active",
			}
		)
		doc.insert(ignore_permissions=True)
		employee = doc.name
	return {"user": email, "employee": employee}


def _criteria() -> dict:
	names = {}
	for item_no, (criterion, expert) in MEM_ITEMS.items():
		name = frappe.db.get_value(
			"Major Hidden Danger Criterion",
			{"standard_code": MEM_ORDER_10["standard_code"], "item_no": item_no},
			"name",
		)
		if not name:
			doc = frappe.get_doc(
				{
					"doctype": "Major Hidden Danger Criterion",
					**{k: _t(v) if k != "standard_code" else v for k, v in MEM_ORDER_10.items()},
					"item_no": item_no,
					"criterion": _t(criterion),
					"requires_expert_evaluation": expert,
				}
			).insert(ignore_permissions=True)
			name = doc.name
		names[(MEM_ORDER_10["standard_code"], item_no)] = name
	name = frappe.db.get_value(
		"Major Hidden Danger Criterion", {"standard_code": "AJZGS-2017-121", "item_no": 18}, "name"
	)
	if name:
		names[("AJZGS-2017-121", 18)] = name
	return names


def _photo(label: str) -> str:
	file_name = f"demo-{label}.png"
	url = frappe.db.get_value("File", {"file_name": file_name, "is_folder": 0}, "file_url")
	if url:
		return url
	frappe.set_user("Administrator")
	doc = frappe.get_doc({"doctype": "File", "file_name": file_name, "content": PIXEL, "is_private": 0})
	doc.insert(ignore_permissions=True)
	return doc.file_url


def _as(user: str):
	frappe.set_user(user)


def _act(name: str, action: str, user: str):
	_as(user)
	return apply_workflow(frappe.get_doc("Hazard Ticket", name), action)


def _edit(name: str, user: str, **values):
	_as(user)
	doc = frappe.get_doc("Hazard Ticket", name)
	doc.update(values)
	doc.save()
	return doc


def _ticket(spec: dict, company: str, people: dict, criteria: dict, cost_center: str | None) -> str:
	description = _t(spec["description"])
	existing = frappe.db.get_value("Hazard Ticket", {"company": company, "description": description}, "name")
	if existing:
		return existing
	finder = people[spec["finder"]]["user"]
	point = frappe.db.get_value("Risk Point", {"risk_point_code": spec["point"], "company": company}, "name")
	if not point:
		return ""
	before = _photo(f"{spec['id'].lower()}-before")
	after = _photo(f"{spec['id'].lower()}-after")
	_as(finder)
	name = hazard.raise_ticket(
		{
			"company": company,
			"risk_point": point,
			"source": spec["source"],
			"description": description,
			"basis": _t(spec["basis"]),
			"hazard_type": spec["hazard_type"],
			"item_class": spec["item_class"],
			"photo_before": before,
			"remarks": spec["id"],
		}
	)
	lead, officer, manager = (people[k]["user"] for k in ("lead", "officer", "manager"))
	if spec["state"] == "On the Spot":
		_as(finder)
		hazard.close_on_the_spot(name, after, _t(spec["note"]))
		return name
	major = "criterion" in spec
	registrar = officer if major else lead
	_act(name, "Register", registrar)
	five = {
		"handling": spec["handling"],
		"rectification_owner": people["owner"]["employee"],
		"owning_department": frappe.db.get_value("Risk Point", point, "department"),
		"rectification_measures": _t(spec["measures"]),
		"contingency_measures": _t(spec["contingency"]),
		"funds": spec["funds"],
		"cost_center": cost_center,
		"deadline": add_days(nowdate(), spec["days"]),
	}
	if major:
		_edit(name, manager, major_criterion=criteria.get(spec["criterion"]), grade="Major", **five)
		_act(name, "Assign", manager)
		_plan(name, spec, people)
		_edit(
			name,
			manager,
			work_stopped=1,
			isolation_note=_t(spec["contingency"]),
			reported_to_authority=1,
			authority=_t(_("County emergency management bureau")),
			authority_report_date=nowdate(),
			authority_reference=f"{spec['id']}-2026",
			reported_to_workers_congress=1,
			workers_congress_date=nowdate(),
		)
	else:
		assigner = officer if spec["level"] == "Company" else lead
		_edit(name, assigner, grade="General", internal_level=spec["level"], **five)
		_act(name, "Assign", assigner)
	owner = people["owner"]["user"]
	_act(name, "Start Rectification", owner)
	if spec["state"] == "Rectifying":
		return name
	_edit(name, owner, photo_after=after)
	_act(name, "Submit for Acceptance", owner)
	if spec["state"] == "Awaiting Acceptance":
		return name
	if major:
		_edit(
			name,
			manager,
			evaluation_by_experts=1,
			evaluation_report=_photo(f"{spec['id'].lower()}-evaluation"),
			evaluation_date=nowdate(),
		)
	acceptor = people[spec["acceptor"]]["user"]
	_edit(name, acceptor, acceptance_comment=_t(_("Checked on site: fixed")))
	_act(name, "Accept", acceptor)
	return name


def _plan(name: str, spec: dict, people: dict) -> str:
	_as(people["officer"]["user"])
	plan = frappe.get_doc(
		{
			"doctype": "Hazard Governance Plan",
			"hazard_ticket": name,
			"objectives_and_tasks": _t(spec["measures"]),
			"methods_and_measures": _t(spec["measures"]),
			"funds_and_materials": _t(_("Funds from the safety budget; materials from stores")),
			"funds": spec["funds"],
			"responsible_body_and_people": _t(_("Safety Department with the owning workshop")),
			"time_limits_and_requirements": _t(_("Within the deadline of the ticket")),
			"safety_and_emergency_measures": _t(spec["contingency"]),
		}
	).insert()
	_as(people["principal"]["user"])
	plan.reload()
	plan.submit()
	return plan.name
