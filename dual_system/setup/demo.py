"""Demo data: the Shandong chemical and metalworking plant of DOMAIN.md §9.1.

Run with ``bench --site demo.localhost execute dual_system.setup.demo.load_demo_data``
(``./dev up`` does it once). Every assessment goes through the "Risk Assessment"
workflow as the demo users — analyst, reviewer, approver — never inserted as
submitted. Loading twice changes nothing.
"""

from __future__ import annotations

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_years, getdate, nowdate
from frappe.utils.nestedset import get_root_of

from dual_system.setup.demo_layout import create_demo_layout

DEMO_PASSWORD = "Demo-Pass-2026!"


def _(message: str) -> str:
	return message


# key → (email, full name, roles, department key, designation)
PEOPLE = {
	"principal": (
		"principal@demo.example.com",
		_("Zhao Gang"),
		["Company Principal"],
		"management",
		_("General Manager"),
	),
	"manager": (
		"safety.manager@demo.example.com",
		_("Wang Qiang"),
		["Safety Manager"],
		"safety",
		_("Safety Manager"),
	),
	"officer": (
		"safety.officer@demo.example.com",
		_("Zhang Wei"),
		["Safety Officer"],
		"safety",
		_("Safety Officer"),
	),
	"lead": (
		"production.lead@demo.example.com",
		_("Li Na"),
		["Department Safety Lead"],
		"production",
		_("Production Safety Lead"),
	),
	"engineer": (
		"chief.engineer@demo.example.com",
		_("Sun Hao"),
		["Inspector"],
		"methanol",
		_("Chief Engineer"),
	),
	"shift": (
		"tankfarm.shift@demo.example.com",
		_("Zhou Min"),
		["Inspector"],
		"methanol",
		_("Tank Farm Shift Lead"),
	),
	"operator": ("press.operator@demo.example.com", _("Chen Jie"), [], "metalwork", _("Press Operator")),
}

# key → (name, parent key)
DEPARTMENTS = {
	"management": (_("Executive Office"), None),
	"safety": (_("Safety Department"), None),
	"production": (_("Production Department"), None),
	"methanol": (_("Methanol Workshop"), "production"),
	"hydrogenation": (_("Hydrogenation Workshop"), "production"),
	"metalwork": (_("Metalworking Workshop"), "production"),
	"logistics": (_("Logistics Department"), "production"),
	"power": (_("Power Department"), None),
}

LOCATIONS = [
	_("Tank Farm Area"),
	_("Hydrogenation Unit"),
	_("Metalworking Hall"),
	_("Switch Room"),
	_("Plant Roads"),
]

# one line per measure; keys as in core.measures.ROW_MEASURE_FIELDS
RISK_POINTS = [
	{
		"code": "RP-01",
		"asset": _("Methanol tanks T-101 to T-104"),
		"name": _("Methanol tank farm, 4 × 2,000 m³"),
		"type": "Area / Site",
		"department": "methanol",
		"location": "Tank Farm Area",
		"mhi": True,
		"method": "LEC",
		"identification": "SCL",
		"map": (22, 30),
		"emergency_actions": _(
			"Stop transfer, close the emergency cut-off, start foam and cooling water, evacuate upwind, call 119."
		),
		"rows": [
			{
				"step_or_item": _("Tank seals and flanges"),
				"check_standard": _("GB 50160 fire code for petrochemical plants"),
				"hazard": _("Seal or flange leak of methanol meets an ignition source"),
				"hazard_factor_category": "22",
				"accident_type": "GB6441-1986-08",
				"consequence": _("Pool fire, several deaths"),
				"factors": (3, 6, 40),
				"forced_major_reason": "MHI",
				"existing_engineering": _(
					"High-high level interlock and emergency cut-off\nNitrogen blanket\nGas detection wired to SIS\nDike and foam system"
				),
				"existing_management": _("Hourly patrol"),
				"existing_ppe": _("Anti-static clothing and shoes"),
				"existing_emergency": _("Tank-fire plan and drill"),
			},
			{
				"step_or_item": _("Vapour space of the tanks"),
				"check_standard": _("GB 50160 fire code for petrochemical plants"),
				"hazard": _("Methanol vapour cloud ignites"),
				"hazard_factor_category": "22",
				"accident_type": "GB6441-1986-18",
				"consequence": _("Explosion, several deaths"),
				"factors": (3, 6, 40),
				"forced_major_reason": "MHI",
				"existing_engineering": _("Nitrogen blanket\nGas detection wired to SIS"),
				"existing_emergency": _("Tank-fire plan and drill"),
			},
		],
	},
	{
		"code": "RP-02",
		"asset": _("Hydrogenation reactor R-201"),
		"name": _("Hydrogenation reactor R-201"),
		"type": "Facility / Equipment",
		"department": "hydrogenation",
		"location": "Hydrogenation Unit",
		"method": "LEC",
		"identification": "SCL",
		"map": (48, 28),
		"emergency_actions": _("Trip the reactor, cut hydrogen, vent through the flare, evacuate the unit."),
		"rows": [
			{
				"step_or_item": _("Reactor cooling"),
				"check_standard": _(
					"Safety controls of key hazardous chemical processes: hydrogenation (SAWS 2009 No. 116)"
				),
				"hazard": _("Loss of cooling leads to runaway reaction and overpressure"),
				"hazard_factor_category": "21",
				"accident_type": "GB6441-1986-17",
				"consequence": _("Vessel explosion, several deaths"),
				"factors": (1, 6, 40),
				"existing_engineering": _(
					"DCS and SIS temperature and pressure trips\nHydrogen cut-off valve\nPSV-201 and bursting disc"
				),
				"existing_management": _("Alarm management"),
				"existing_training": _("Certified operators"),
			}
		],
	},
	{
		"code": "RP-03",
		"name": _("Tank-cleaning confined-space entry"),
		"type": "Work Activity",
		"department": "methanol",
		"location": "Tank Farm Area",
		"method": "LEC",
		"identification": "JHA",
		"emergency_actions": _(
			"Do not enter to rescue without breathing apparatus; use the tripod, call 120."
		),
		"rows": [
			{
				"step_no": 3,
				"step_or_item": _("Enter the tank"),
				"hazard": _("Residual vapour or oxygen deficiency"),
				"hazard_factor_category": "22",
				"accident_type": "GB6441-1986-19",
				"consequence": _("Poisoning or asphyxiation, one death"),
				"factors": (6, 2, 15),
				"existing_engineering": _(
					"Blinding of all lines\nVentilate, test, then enter\nContinuous gas monitoring"
				),
				"existing_management": _("Attendant at the manhole"),
				"existing_ppe": _("Supplied-air respirator"),
				"existing_emergency": _("Rescue tripod"),
			}
		],
	},
	{
		"code": "RP-04",
		"asset": _("250 t hydraulic press P-01"),
		"name": _("250 t press"),
		"type": "Facility / Equipment",
		"department": "metalwork",
		"location": "Metalworking Hall",
		"method": "LEC",
		"identification": "SCL",
		"map": (70, 62),
		"emergency_actions": _("Press the emergency stop, lock out, give first aid, call 120."),
		"responsible": "operator",
		"rows": [
			{
				"step_or_item": _("Light curtain"),
				"check_standard": _("GB 27607 safety of mechanical presses"),
				"hazard": _("Guard defeated; hands in the die area"),
				"hazard_factor_category": "21",
				"accident_type": "GB6441-1986-03",
				"consequence": _("Amputation"),
				"factors": (3, 6, 7),
				"existing_engineering": _("Light curtain and two-hand control"),
				"existing_management": _("Pre-shift check"),
				"existing_training": _("Post training"),
			}
		],
	},
	{
		"code": "RP-05",
		"asset": _("10 t overhead crane C-01"),
		"name": _("10 t overhead crane"),
		"type": "Facility / Equipment",
		"department": "metalwork",
		"location": "Metalworking Hall",
		"method": "LEC",
		"identification": "SCL",
		"map": (78, 48),
		"emergency_actions": _("Stop the crane, clear the area below, call the special-equipment engineer."),
		"rows": [
			{
				"step_or_item": _("Hook latch and limit switches"),
				"check_standard": _("TSG Q7015 lifting appliance inspection rules"),
				"hazard": _("Latch or limit failure drops the load"),
				"hazard_factor_category": "21",
				"accident_type": "GB6441-1986-04",
				"consequence": _("One death"),
				"factors": (1, 6, 15),
				"existing_management": _("Statutory inspection\nSling checks"),
				"existing_training": _("Certified operator"),
			}
		],
	},
	{
		"code": "RP-06",
		"asset": _("10 kV switchgear SG-01"),
		"name": _("10 kV switch room"),
		"type": "Area / Site",
		"department": "power",
		"location": "Switch Room",
		"method": "MES",
		"identification": "SCL",
		"map": (40, 75),
		"emergency_actions": _("Cut the power, free the victim with insulated tools, give CPR, call 120."),
		"rows": [
			{
				"step_or_item": _("Live parts and rodent protection"),
				"check_standard": _("GB 26860 power safety code"),
				"hazard": _("Contact with live parts or rodents cause a short circuit"),
				"hazard_factor_category": "21",
				"accident_type": "GB6441-1986-05",
				"consequence": _("One death or several permanent disabilities"),
				"factors": (1, 3, 8),
				"existing_engineering": _("Rodent plates at the doors\nInsulating mats"),
				"existing_management": _("Two-person work-ticket rule"),
			}
		],
	},
	{
		"code": "RP-07",
		"name": _("In-plant forklift transport"),
		"type": "Work Activity",
		"department": "logistics",
		"location": "Plant Roads",
		"method": "LS",
		"identification": "JHA",
		"emergency_actions": _("Stop the truck, secure the scene, give first aid, call 120."),
		"rows": [
			{
				"step_no": 2,
				"step_or_item": _("Drive along shared roads"),
				"hazard": _("Forklift strikes a pedestrian"),
				"hazard_factor_category": "12",
				"accident_type": "GB6441-1986-02",
				"consequence": _("Fracture"),
				"factors": (3, 3),
				"existing_engineering": _("Separated walkways"),
				"existing_management": _("Speed limit"),
				"existing_training": _("Certified drivers"),
			}
		],
	},
	{
		"code": "RP-08",
		"asset": _("Dust collector DC-01"),
		"name": _("Aluminium polishing workshop, 12 workers"),
		"type": "Area / Site",
		"department": "metalwork",
		"location": "Metalworking Hall",
		"method": "LEC",
		"identification": "SCL",
		"map": (62, 45),
		"emergency_actions": _(
			"Stop the polishing lines and dust collector, evacuate, do not use water on burning dust, call 119."
		),
		"rows": [
			{
				"step_or_item": _("Dust removal system"),
				"check_standard": _("GB 15577 dust explosion prevention"),
				"hazard": _("Aluminium dust cloud ignites"),
				"hazard_factor_category": "22",
				"accident_type": "GB6441-1986-18",
				"consequence": _("Dust explosion, several deaths"),
				"factors": (1, 10, 40),
				"forced_major_reason": "CROWD",
				"existing_engineering": _(
					"Wet or vented dust removal\nAirlock discharge\nExplosion-proof electrics"
				),
				"existing_management": _("Daily dust cleaning"),
			}
		],
	},
]


def load_demo_data():
	"""bench execute entry point: build the demo plant, the training demo and the hidden
	dangers, and commit."""
	from dual_system.setup.demo_hazard import build_hazard_demo
	from dual_system.setup.demo_training import build_training_demo

	plant = build_demo_plant()
	build_training_demo(plant)
	build_hazard_demo(plant)
	frappe.db.commit()


def build_demo_plant(company: str | None = None) -> dict:
	"""Create the organisation and the eight risk points of DOMAIN.md §9.1, each
	assessed and approved through the workflow. Returns the people and points."""
	frappe.set_user("Administrator")
	company = (
		company or frappe.defaults.get_global_default("company") or frappe.get_all("Company", pluck="name")[0]
	)
	departments = _departments(company)
	people = _people(company, departments)
	for location in LOCATIONS:
		location = _t(location)
		if not frappe.db.exists("Location", location):
			frappe.get_doc({"doctype": "Location", "location_name": location}).insert(ignore_permissions=True)
	points = {}
	for spec in RISK_POINTS:
		points[spec["code"]] = _risk_point(_translated(spec), company, departments, people)
	frappe.set_user("Administrator")
	create_demo_layout(company)
	return {"company": company, "people": people, "departments": departments, "points": points}


# keys whose values are codes, not words
_CODES = {
	"code",
	"type",
	"department",
	"method",
	"identification",
	"accident_type",
	"hazard_factor_category",
	"forced_major_reason",
	"responsible",
}

ASSET_CATEGORY = _("Plant and Machinery")


def _t(text: str) -> str:
	"""The demo plant speaks the site's language: a Chinese site gets Chinese records."""
	return frappe._(text, lang=frappe.db.get_default("lang") or "en")


def _translated(value, key=None):
	if isinstance(value, dict):
		return {k: _translated(v, k) for k, v in value.items()}
	if isinstance(value, list | tuple) and not (value and isinstance(value[0], int | float)):
		return [_translated(v, key) for v in value]
	if isinstance(value, str) and key not in _CODES:
		return _t(value)
	return value


def _split_name(full_name: str) -> tuple[str, str | None]:
	first, _sep, last = full_name.partition(" ")
	return first, last or None


def _departments(company: str, departments: dict | None = None) -> dict:
	"""The company's demo departments (key → (name, parent key)), created when absent."""
	abbr = frappe.get_cached_value("Company", company, "abbr")
	names = {}
	for key, (name, parent) in (departments or DEPARTMENTS).items():
		name = _t(name)
		full = f"{name} - {abbr}"
		if not frappe.db.exists("Department", full):
			frappe.get_doc(
				{
					"doctype": "Department",
					"department_name": name,
					"company": company,
					"parent_department": names[parent] if parent else get_root_of("Department"),
					"is_group": 1,
				}
			).insert(ignore_permissions=True)
		names[key] = full
	return names


def _people(company: str, departments: dict) -> dict:
	if not frappe.db.exists("Gender", "Male"):
		frappe.get_doc({"doctype": "Gender", "gender": "Male"}).insert(ignore_permissions=True)
	people = {}
	for key, (email, full_name, roles, department, designation) in PEOPLE.items():
		full_name, designation = _t(full_name), _t(designation)
		ensure_demo_user(email, full_name, roles)
		employee = frappe.db.get_value("Employee", {"user_id": email}, "name")
		if not employee:
			if not frappe.db.exists("Designation", designation):
				frappe.get_doc({"doctype": "Designation", "designation_name": designation}).insert(
					ignore_permissions=True
				)
			first, last = _split_name(full_name)
			doc = frappe.get_doc(
				{
					"doctype": "Employee",
					"first_name": first,
					"last_name": last,
					"gender": "Male",
					"date_of_birth": "1985-03-01",
					"date_of_joining": add_years(getdate(nowdate()), -10),
					"company": company,
					"department": departments[department],
					"designation": designation,
					"user_id": email,
					"status": "Active",
				}
			)
			doc.insert(ignore_permissions=True)
			employee = doc.name
		people[key] = {"user": email, "employee": employee}
	# the production safety lead also reviews the power department's risks
	lead = people["lead"]["user"]
	if not frappe.db.exists("Safety User Scope", lead):
		frappe.get_doc(
			{
				"doctype": "Safety User Scope",
				"user": lead,
				"departments": [{"department": departments["power"]}],
			}
		).insert(ignore_permissions=True)
	return people


def ensure_demo_user(email: str, full_name: str, roles) -> str:
	"""A demo user with the demo password and the given roles, created when absent."""
	if not frappe.db.exists("User", email):
		first, last = _split_name(full_name)
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first,
				"last_name": last,
				"send_welcome_email": 0,
				"new_password": DEMO_PASSWORD,
				"roles": [{"role": r} for r in roles],
			}
		)
		user.flags.ignore_password_policy = True
		user.insert(ignore_permissions=True)
	return email


def _risk_point(spec: dict, company: str, departments: dict, people: dict) -> str:
	frappe.set_user("Administrator")
	code = spec["code"]
	if not frappe.db.exists("Risk Point", code):
		point = frappe.get_doc(
			{
				"doctype": "Risk Point",
				"risk_point_code": code,
				"risk_point_name": spec["name"],
				"risk_point_type": spec["type"],
				"company": company,
				"department": departments[spec["department"]],
				"location": spec["location"],
				"asset": spec.get("asset") and ensure_asset(company, spec["asset"], spec["location"]),
				"responsible_employee": people[spec.get("responsible", "lead")]["employee"],
				"emergency_actions": spec["emergency_actions"],
				"emergency_contact": "0531-8888 0119",
				"map_x": spec.get("map", (None, None))[0],
				"map_y": spec.get("map", (None, None))[1],
			}
		)
		if spec.get("mhi"):
			point.update(
				{
					"is_major_hazard_installation": 1,
					"mhi_grade": "Grade 2",
					"main_responsible_person": people["principal"]["employee"],
					"technical_responsible_person": people["engineer"]["employee"],
					"operating_responsible_person": people["shift"]["employee"],
				}
			)
		point.insert(ignore_permissions=True)
	elif spec.get("asset") and not frappe.db.get_value("Risk Point", code, "asset"):
		point = frappe.get_doc("Risk Point", code)
		point.asset = ensure_asset(company, spec["asset"], point.location or spec["location"])
		point.save(ignore_permissions=True)
	if not frappe.db.exists("Risk Assessment", {"risk_point": code, "docstatus": 1}):
		_assess(spec, people)
	return code


def ensure_asset(company: str, asset_name: str, location: str, category: str | None = None) -> str:
	"""An ERPNext fixed asset of the company (an existing asset, no depreciation),
	with its item and asset category; reused when it exists."""
	existing = frappe.db.get_value("Asset", {"asset_name": asset_name, "company": company}, "name")
	if existing:
		return existing
	category = ensure_asset_category(company, category or _t(ASSET_CATEGORY))
	item_code = asset_name[:140]
	if not frappe.db.exists("Item", item_code):
		frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": item_code,
				"item_name": asset_name,
				"item_group": frappe.db.get_value("Item Group", {"is_group": 0}, "name"),
				"stock_uom": "Nos",
				"is_stock_item": 0,
				"is_fixed_asset": 1,
				"asset_category": category,
			}
		).insert(ignore_permissions=True)
	asset = frappe.get_doc(
		{
			"doctype": "Asset",
			"company": company,
			"item_code": item_code,
			"asset_name": asset_name,
			"asset_category": category,
			"location": location,
			"is_existing_asset": 1,
			"calculate_depreciation": 0,
			"purchase_date": add_years(getdate(nowdate()), -6),
			"available_for_use_date": add_years(getdate(nowdate()), -6),
			"gross_purchase_amount": 100000,
		}
	)
	asset.insert(ignore_permissions=True)
	asset.submit()
	return asset.name


def ensure_asset_category(company: str, name: str) -> str:
	"""An asset category with the company's fixed-asset and depreciation accounts."""
	accounts = {
		"company_name": company,
		"fixed_asset_account": frappe.db.get_value(
			"Account", {"company": company, "account_type": "Fixed Asset", "is_group": 0}, "name"
		),
		"accumulated_depreciation_account": frappe.get_cached_value(
			"Company", company, "accumulated_depreciation_account"
		),
		"depreciation_expense_account": frappe.get_cached_value(
			"Company", company, "depreciation_expense_account"
		),
	}
	if not frappe.db.exists("Asset Category", name):
		frappe.get_doc(
			{"doctype": "Asset Category", "asset_category_name": name, "accounts": [accounts]}
		).insert(ignore_permissions=True)
		return name
	category = frappe.get_doc("Asset Category", name)
	if not any(row.company_name == company for row in category.accounts):
		category.append("accounts", accounts)
		category.save(ignore_permissions=True)
	return name


def _assess(spec: dict, people: dict) -> None:
	"""Draft as the safety officer, review as the production safety lead,
	approve as the safety manager (or the company principal for major risks)."""
	frappe.db.delete("Risk Assessment", {"risk_point": spec["code"], "docstatus": 0})
	frappe.set_user(people["officer"]["user"])
	rows = []
	for i, row in enumerate(spec["rows"], start=1):
		factors = row["factors"]
		data = {k: v for k, v in row.items() if k != "factors"}
		data.setdefault("step_no", i)
		for n, value in enumerate(factors, start=1):
			data[f"factor_{n}"] = str(value)
		rows.append(data)
	doc = frappe.get_doc(
		{
			"doctype": "Risk Assessment",
			"risk_point": spec["code"],
			"identification_method": spec["identification"],
			"evaluation_method": spec["method"],
			"analysis_team": _t(_("Post workers and the workshop technician")),
			"rows": rows,
		}
	)
	doc.insert()
	apply_workflow(doc, "Submit for Review")
	frappe.set_user(people["lead"]["user"])
	doc = frappe.get_doc("Risk Assessment", doc.name)
	apply_workflow(doc, "Review")
	approver = "principal" if doc.has_major_risk else "manager"
	frappe.set_user(people[approver]["user"])
	doc = frappe.get_doc("Risk Assessment", doc.name)
	apply_workflow(doc, "Approve")
