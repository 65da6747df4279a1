"""Demo data of the training module (DOMAIN.md §7, the seed case).

The demo company becomes the group: a parent company with two branch companies
under it (ERPNext's Company tree). Its safety supervision department held the
dual-system training of 15 September 2018 in the first-floor conference room for
the group's leaders, heads of departments and branch companies and people in
important positions, after setting up the leading group; the construction plans
of the group and both branches report their progress. A recent refresher, a
government assessment and a special-operations certificate make the compliance
matrix show every status. Sessions are completed through the workflow by the
demo HR manager. Loading twice changes nothing.
"""

from __future__ import annotations

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, add_months, add_years, getdate, nowdate

from dual_system.setup.demo import _departments, _t


def _(message: str) -> str:
	return message


# key → (name, abbreviation)
BRANCHES = {
	"jinan": (_("Qilu Chemical Jinan Branch"), "QCJN"),
	"zibo": (_("Qilu Chemical Zibo Branch"), "QCZB"),
}

# key → department name (of the group company)
DEPARTMENTS = {
	"supervision": _("Safety Supervision Department"),
	"hr": _("Human Resources Department"),
}

# key → (email or None, full name, roles, company key ("group" or a branch), department key, designation)
PEOPLE = {
	"hr": (
		"hr.manager@demo.example.com",
		_("Liu Yang"),
		["HR Manager", "HR User"],
		"group",
		"hr",
		_("HR Manager"),
	),
	"supervisor": (
		"safety.supervisor@demo.example.com",
		_("Ma Jun"),
		["Safety Manager"],
		"group",
		"supervision",
		_("Head of Safety Supervision"),
	),
	"jinan_head": (None, _("Sun Li"), [], "jinan", None, _("Branch General Manager")),
	"zibo_head": (
		"zibo.manager@demo.example.com",
		_("Gao Feng"),
		["Company Principal"],
		"zibo",
		None,
		_("Branch General Manager"),
	),
}

SEED_SESSION = {
	"topic": _(
		"Dual prevention mechanism: the construction plan, the group's progress and the latest provincial and city requirements"
	),
	"start_time": "2018-09-15 09:00:00",
	"end_time": "2018-09-15 13:00:00",
	"hours": 4,
	"venue": _("First-floor conference room"),
	"agenda": _(
		"1. The group's dual-system construction plan and promotion plan. 2. Progress of construction across the group. 3. The latest provincial and city requirements. 4. Learning from advanced units; questions."
	),
	"minutes": _(
		"The leading group for dual-system construction was announced. Branch companies report their progress monthly to the safety supervision department; each department identifies its risk points by the end of October."
	),
}

# attendee key (plant people or PEOPLE) → (attendance, score): group leaders, heads of
# departments and branch companies, people in important positions
SEED_ATTENDEES = {
	"principal": ("Present", 95),
	"manager": ("Present", 92),
	"officer": ("Present", 90),
	"lead": ("Present", 88),
	"jinan_head": ("Present", 85),
	"zibo_head": ("Excused", None),
	"engineer": ("Present", 91),
	"shift": ("Present", 58),
}

REFRESHER = {
	"topic": _("Annual dual-system refresher: post risks, notification cards and hidden-danger reporting"),
	"days_ago": 60,
	"hours": 4,
	"venue": _("Training centre, room 2"),
	"attendees": {
		"manager": ("Present", 94),
		"officer": ("Present", 96),
		"lead": ("Present", 90),
		"engineer": ("Present", 88),
		"shift": ("Present", 82),
		"operator": ("Present", 75),
		"jinan_head": ("Present", 86),
	},
}

PLANNED = {
	"topic": _("Three-level induction: plant level"),
	"training_type": "Plant-Level Induction",
	"days_ahead": 14,
	"hours": 8,
	"venue": _("Training centre, room 1"),
	"attendees": ("operator",),
}

# (training type, applies to, target key, hours a year, validity months, figure, gate purposes)
REQUIREMENTS = [
	(
		"Dual Prevention Mechanism",
		"Everyone",
		None,
		4,
		12,
		"All Staff Trained",
		("Inspection Task", "Hidden Danger Rectification"),
	),
	(
		"Principal and Safety Manager Training",
		"Role",
		"Company Principal",
		12,
		12,
		"Principals and Safety Managers Assessed",
		("Major Hazard Installation Duty",),
	),
	(
		"Principal and Safety Manager Training",
		"Role",
		"Safety Manager",
		12,
		12,
		"Principals and Safety Managers Assessed",
		(),
	),
	(
		"Special Operations",
		"Designation",
		"Tank Farm Shift Lead",
		0,
		36,
		"Special Operations Workers Certified",
		("Major Hazard Installation Duty",),
	),
	("Annual Refresher", "Department", "methanol", 8, 12, "Key Hazardous Work Trained", ()),
]

# (person key, training type, days ago, hours, topic, certificate no.)
EXTERNAL_RECORDS = [
	(
		"principal",
		"Principal and Safety Manager Training",
		345,
		12,
		_("Provincial assessment of main responsible persons"),
		"SD-AQ-2025-0188",
	),
	(
		"manager",
		"Principal and Safety Manager Training",
		120,
		16,
		_("Provincial assessment of safety managers"),
		"SD-AQ-2026-0412",
	),
	(
		"shift",
		"Special Operations",
		700,
		24,
		_("Hazardous chemicals safety operation certificate"),
		"T370102198803150021",
	),
]

LEADING_GROUP = {
	"established_on": "2018-09-10",
	"document_no": "QCG Safety [2018] No. 12",
	"responsibilities": _(
		"Leads the construction of the dual prevention mechanism across the group: approves the construction plan, provides people and funds, checks progress every month and decides on major risks."
	),
	"members": [
		("principal", "Leader", _("Leads the construction; approves the plan and its resources.")),
		("manager", "Deputy Leader", _("Runs the construction day to day; approves risk assessments.")),
		("lead", "Member", _("Identification and control of production risks.")),
		("engineer", "Member", _("Technical review of assessments and control measures.")),
		("jinan_head", "Member", _("Construction at the Jinan branch.")),
		("zibo_head", "Member", _("Construction at the Zibo branch.")),
		("supervisor", "Office", _("The group's office: plans, progress reports, training.")),
	],
}

# company key → plan title, [(phase, milestone, owner key, due (days from today), status, evidence)]
PHASES = (
	_("1 Mobilisation"),
	_("2 Risk identification and assessment"),
	_("3 Hidden-danger investigation and governance"),
	_("4 Informatisation and acceptance"),
)
PLANS = {
	"group": (
		_("Group dual-system construction plan"),
		[
			(0, _("Leading group set up"), "principal", -2900, "Completed", _("QCG Safety [2018] No. 12")),
			(
				0,
				_("Leaders and heads trained"),
				"supervisor",
				-2900,
				"Completed",
				_("Session of 15 September 2018"),
			),
			(1, _("Risk points identified and assessed"), "manager", -400, "Completed", _("Risk register")),
			(
				1,
				_("Four-colour map and notification cards"),
				"officer",
				-300,
				"Completed",
				_("Four-colour map"),
			),
			(2, _("Investigation checklists from control measures"), "lead", 30, "In Progress", None),
			(3, _("Connected to the provincial platform"), "supervisor", 120, "Not Started", None),
		],
	),
	"jinan": (
		_("Jinan branch dual-system construction plan"),
		[
			(0, _("Branch working group set up"), "jinan_head", -800, "Completed", _("Branch notice No. 3")),
			(
				1,
				_("Risk points identified and assessed"),
				"jinan_head",
				-300,
				"Completed",
				_("Branch risk register"),
			),
			(1, _("Notification cards posted"), "jinan_head", -200, "Completed", _("Photos of the posts")),
			(
				2,
				_("Investigation checklists from control measures"),
				"jinan_head",
				-30,
				"Completed",
				_("Checklists"),
			),
			(2, _("Hidden-danger ledger in use"), "jinan_head", 20, "In Progress", None),
			(3, _("Acceptance by the group"), "jinan_head", 90, "Not Started", None),
		],
	),
	"zibo": (
		_("Zibo branch dual-system construction plan"),
		[
			(0, _("Branch working group set up"), "zibo_head", -700, "Completed", _("Branch notice No. 7")),
			(
				1,
				_("Risk points identified and assessed"),
				"zibo_head",
				-250,
				"Completed",
				_("Branch risk register"),
			),
			(1, _("Notification cards posted"), "zibo_head", -20, "In Progress", None),
			(2, _("Investigation checklists from control measures"), "zibo_head", 40, "Not Started", None),
			(2, _("Hidden-danger ledger in use"), "zibo_head", 60, "Not Started", None),
			(3, _("Acceptance by the group"), "zibo_head", 150, "Not Started", None),
		],
	),
}


def build_training_demo(plant: dict) -> dict:
	"""Add the training module's demo data to a built demo plant; returns its names."""
	frappe.set_user("Administrator")
	group = plant["company"]
	companies = {"group": group, **_branches(group)}
	departments = {
		**plant["departments"],
		**_departments(group, {key: (name, None) for key, name in DEPARTMENTS.items()}),
	}
	people = {**plant["people"], **_people(companies, departments)}
	requirements = [_requirement(group, spec, departments) for spec in REQUIREMENTS]
	for spec in EXTERNAL_RECORDS:
		_external_record(people, *spec)
	seed = _session(
		group,
		people,
		departments,
		{**SEED_SESSION, "training_type": "Dual Prevention Mechanism"},
		SEED_ATTENDEES,
		complete=True,
	)
	today = getdate(nowdate())
	# this year's refresher (two months ago, or on 1 January early in the year)
	start = max(add_days(today, -REFRESHER["days_ago"]), today.replace(month=1, day=1))
	refresher = _session(
		group,
		people,
		departments,
		{
			"topic": REFRESHER["topic"],
			"training_type": "Dual Prevention Mechanism",
			"start_time": f"{start} 14:00:00",
			"hours": REFRESHER["hours"],
			"venue": REFRESHER["venue"],
		},
		REFRESHER["attendees"],
		complete=True,
	)
	ahead = add_days(today, PLANNED["days_ahead"])
	planned = _session(
		group,
		people,
		departments,
		{
			"topic": PLANNED["topic"],
			"training_type": PLANNED["training_type"],
			"start_time": f"{ahead} 09:00:00",
			"hours": PLANNED["hours"],
			"venue": PLANNED["venue"],
		},
		{key: ("", None) for key in PLANNED["attendees"]},
		complete=False,
	)
	leading_group = _leading_group(group, people, departments)
	plans = {key: _plan(companies[key], key, people) for key in PLANS}
	frappe.set_user("Administrator")
	return {
		"companies": companies,
		"departments": departments,
		"people": people,
		"requirements": requirements,
		"sessions": {"seed": seed, "refresher": refresher, "planned": planned},
		"leading_group": leading_group,
		"plans": plans,
	}


def _branches(group: str) -> dict:
	if not frappe.db.get_value("Company", group, "is_group"):
		company = frappe.get_doc("Company", group)
		company.is_group = 1
		company.save(ignore_permissions=True)
	out = {}
	for key, (name, abbr) in BRANCHES.items():
		name = _t(name)
		if not frappe.db.exists("Company", name):
			frappe.get_doc(
				{
					"doctype": "Company",
					"company_name": name,
					"abbr": abbr,
					"country": "China",
					"default_currency": "CNY",
					"parent_company": group,
					"create_chart_of_accounts_based_on": "Existing Company",
					"existing_company": group,
				}
			).insert(ignore_permissions=True)
		out[key] = name
	return out


def _people(companies: dict, departments: dict) -> dict:
	from dual_system.setup.demo import _split_name, ensure_demo_user

	people = {}
	for key, (email, full_name, roles, company_key, department, designation) in PEOPLE.items():
		full_name, designation = _t(full_name), _t(designation)
		company = companies[company_key]
		if email:
			ensure_demo_user(email, full_name, roles)
		first, last = _split_name(full_name)
		# a demo user's own employee; people without a login by name
		employee = frappe.db.get_value(
			"Employee",
			{"user_id": email} if email else {"first_name": first, "last_name": last, "company": company},
			"name",
		)
		if not employee:
			if not frappe.db.exists("Designation", designation):
				frappe.get_doc({"doctype": "Designation", "designation_name": designation}).insert(
					ignore_permissions=True
				)
			hr = key == "hr"
			doc = frappe.get_doc(
				{
					"doctype": "Employee",
					"first_name": first,
					"last_name": last,
					"gender": "Male",
					"date_of_birth": "1978-06-01",
					"date_of_joining": add_years(getdate(nowdate()), -12),
					"company": company,
					"department": departments.get(department),
					"designation": designation,
					"user_id": email,
					"status": "Active",
					# HR keeps every employee's file: its employee restricts nothing (ERPNext's
					# "Create User Permission" off), and it is held to the group by hand below
					"create_user_permission": 0 if hr else 1,
				}
			)
			doc.insert(ignore_permissions=True)
			employee = doc.name
			if hr and not frappe.db.exists(
				"User Permission", {"user": email, "allow": "Company", "for_value": company}
			):
				frappe.get_doc(
					{"doctype": "User Permission", "user": email, "allow": "Company", "for_value": company}
				).insert(ignore_permissions=True)
		people[key] = {"user": email, "employee": employee}
	return people


def _requirement(group: str, spec: tuple, departments: dict) -> str:
	training_type, applies_to, target, hours, months, figure, purposes = spec
	field = {"Designation": "designation", "Department": "department", "Role": "role"}.get(applies_to)
	if applies_to == "Department":
		target = departments[target]
	elif applies_to == "Designation":
		target = _t(target)
	filters = {"company": group, "training_type": training_type, "applies_to": applies_to}
	if field:
		filters[field] = target
	existing = frappe.db.get_value("Safety Training Requirement", filters, "name")
	if existing:
		return existing
	doc = frappe.get_doc(
		{
			"doctype": "Safety Training Requirement",
			**filters,
			"min_hours_per_year": hours,
			"validity_months": months,
			"four_hundred_percent": figure,
			"gate_purposes": [{"purpose": p} for p in purposes],
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


def _external_record(people, key, training_type, days_ago, hours, topic, certificate_no):
	employee = people[key]["employee"]
	if frappe.db.exists("Safety Training Record", {"employee": employee, "certificate_no": certificate_no}):
		return
	frappe.get_doc(
		{
			"doctype": "Safety Training Record",
			"employee": employee,
			"training_type": training_type,
			"training_date": add_days(getdate(nowdate()), -days_ago),
			"hours": hours,
			"topic": _t(topic),
			"trainer": _t(_("Shandong Provincial Emergency Management Department")),
			"certificate_no": certificate_no,
			"result": "Passed",
		}
	).insert(ignore_permissions=True)


def _session(group, people, departments, spec, attendees, complete: bool) -> str:
	"""A session created and, when ``complete``, completed through the workflow by the demo HR manager."""
	topic = _t(spec["topic"])
	existing = frappe.db.get_value(
		"Safety Training Session", {"company": group, "topic": topic, "docstatus": ("<", 2)}, "name"
	)
	if existing:
		return existing
	hr = people["hr"]["user"]
	frappe.set_user(hr)
	try:
		doc = frappe.get_doc(
			{
				"doctype": "Safety Training Session",
				"company": group,
				"organiser_department": departments["supervision"],
				"trainer_type": "Employee",
				"trainer_employee": people["supervisor"]["employee"],
				"assessment_method": "Written Test",
				"pass_mark": 60,
				**{k: _t(v) if k in ("venue", "agenda", "minutes") else v for k, v in spec.items()},
				"topic": topic,
				"attendees": [
					{"employee": people[key]["employee"], "attendance": attendance, "score": score}
					for key, (attendance, score) in attendees.items()
				],
			}
		)
		doc.insert()
		if complete:
			apply_workflow(doc, "Complete")
		return doc.name
	finally:
		frappe.set_user("Administrator")


def _leading_group(group, people, departments) -> str:
	existing = frappe.db.get_value("Dual System Leading Group", {"company": group}, "name")
	if existing:
		return existing
	doc = frappe.get_doc(
		{
			"doctype": "Dual System Leading Group",
			"company": group,
			"group_name": _t(_("Dual Prevention Mechanism Construction Leading Group")),
			"established_on": LEADING_GROUP["established_on"],
			"document_no": LEADING_GROUP["document_no"],
			"office_department": departments["supervision"],
			"responsibilities": _t(LEADING_GROUP["responsibilities"]),
			"members": [
				{"employee": people[key]["employee"], "group_role": role, "duties": _t(duties)}
				for key, role, duties in LEADING_GROUP["members"]
			],
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


def _plan(company: str, key: str, people: dict) -> str:
	existing = frappe.db.get_value(
		"Dual System Construction Plan", {"company": company, "is_active": 1}, "name"
	)
	if existing:
		return existing
	title, milestones = PLANS[key]
	today = getdate(nowdate())
	doc = frappe.get_doc(
		{
			"doctype": "Dual System Construction Plan",
			"title": _t(title),
			"company": company,
			"start_date": "2018-09-01",
			"target_date": add_months(today, 6),
			"milestones": [
				{
					"phase": _t(PHASES[phase]),
					"milestone": _t(milestone),
					"owner_employee": people[owner]["employee"],
					"due_date": add_days(today, due),
					"status": status,
					"completed_on": add_days(today, due) if status == "Completed" else None,
					"evidence": _t(evidence) if evidence else None,
				}
				for phase, milestone, owner, due, status, evidence in milestones
			],
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name
