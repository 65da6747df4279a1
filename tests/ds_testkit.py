"""Test factories and helpers: companies, departments, employees, users with
roles, real HTTP sessions, committed datasets and throwaway sites.

Users linked to employees go through ERPNext's own Employee.on_update, so they
get the Employee role and the automatic User Permissions on their Employee and
Company, exactly as on a production site (PLATFORM.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import uuid
from urllib.parse import urlencode

import frappe
from frappe.utils import add_years, getdate, nowdate
from frappe.utils.nestedset import get_root_of

PASSWORD = "Ds-Test-Pass-2026!"


def unique(prefix: str = "T") -> str:
	return f"{prefix}{uuid.uuid4().hex[:6].upper()}"


# --- ERPNext masters ------------------------------------------------------------------
def default_company() -> str:
	return (
		frappe.db.get_single_value("Global Defaults", "default_company")
		or frappe.get_all("Company", pluck="name")[0]
	)


def make_company(name: str | None = None, abbr: str | None = None) -> str:
	name = name or unique("Co ")
	if frappe.db.exists("Company", name):
		return name
	abbr = abbr or unique("C")
	company = frappe.get_doc(
		{
			"doctype": "Company",
			"company_name": name,
			"abbr": abbr,
			"country": "China",
			"default_currency": "CNY",
			"create_chart_of_accounts_based_on": "Standard Template",
			"chart_of_accounts": "Standard",
		}
	)
	company.insert(ignore_permissions=True)
	return company.name


def make_department(name: str, company: str | None = None, parent: str | None = None) -> str:
	company = company or default_company()
	abbr = frappe.get_cached_value("Company", company, "abbr")
	full_name = f"{name} - {abbr}"
	if frappe.db.exists("Department", full_name):
		return full_name
	doc = frappe.get_doc(
		{
			"doctype": "Department",
			"department_name": name,
			"company": company,
			"parent_department": parent or get_root_of("Department"),
			"is_group": 1,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


def make_location(name: str) -> str:
	if not frappe.db.exists("Location", name):
		frappe.get_doc({"doctype": "Location", "location_name": name}).insert(ignore_permissions=True)
	return name


def make_asset(company: str, name: str, location: str) -> str:
	"""A submitted ERPNext fixed asset (the demo's own factory)."""
	from dual_system.setup.demo import ensure_asset

	return ensure_asset(company, name, location)


def make_designation(name: str) -> str:
	if not frappe.db.exists("Designation", name):
		frappe.get_doc({"doctype": "Designation", "designation_name": name}).insert(ignore_permissions=True)
	return name


def ensure_gender(name: str = "Male") -> str:
	if not frappe.db.exists("Gender", name):
		frappe.get_doc({"doctype": "Gender", "gender": name}).insert(ignore_permissions=True)
	return name


def make_user(
	email: str | None = None, roles=(), first_name: str | None = None, password: str = PASSWORD
) -> str:
	email = (email or f"{unique('u').lower()}@example.com").lower()
	if frappe.db.exists("User", email):
		user = frappe.get_doc("User", email)
		user.add_roles(*roles)
		return email
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": first_name or email.split("@")[0],
			"send_welcome_email": 0,
			"user_type": "System User",
			"new_password": password,
			"roles": [{"role": r} for r in roles],
		}
	)
	user.flags.ignore_password_policy = True
	user.insert(ignore_permissions=True)
	return email


def make_employee(
	first_name: str | None = None,
	company: str | None = None,
	department: str | None = None,
	user: str | None = None,
	designation: str | None = None,
	create_user_permission: int = 1,
) -> str:
	company = (
		company
		or (department and frappe.db.get_value("Department", department, "company"))
		or default_company()
	)
	doc = frappe.get_doc(
		{
			"doctype": "Employee",
			"first_name": first_name or unique("Emp"),
			"gender": ensure_gender(),
			"date_of_birth": "1990-05-08",
			"date_of_joining": add_years(getdate(nowdate()), -2),
			"company": company,
			"department": department,
			"designation": designation and make_designation(designation),
			"status": "Active",
			"user_id": user,
			"create_user_permission": create_user_permission,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name


def make_staff(
	roles=(),
	department: str | None = None,
	company: str | None = None,
	name: str | None = None,
	designation=None,
	create_user_permission: int = 1,
):
	"""A user with the given roles, linked to a new employee of the department.
	Returns (user email, employee name)."""
	email = make_user(roles=roles, first_name=name)
	employee = make_employee(
		first_name=name or email.split("@")[0],
		company=company,
		department=department,
		user=email,
		designation=designation,
		create_user_permission=create_user_permission,
	)
	return email, employee


# --- HTTP as a real user -----------------------------------------------------------------
class Response:
	def __init__(self, status: int, body: bytes, headers):
		self.status_code = status
		self.content = body
		self.headers = headers

	@property
	def text(self) -> str:
		return self.content.decode("utf-8", "replace")

	def json(self):
		return json.loads(self.content or b"{}")

	@property
	def message(self):
		return self.json().get("message")

	@property
	def data(self):
		return self.json().get("data")


class HttpSession:
	"""A browser-like session against the site's real WSGI application.

	Each request runs on its own thread, so Frappe sets up a fresh request
	context and database connection exactly as it does behind a web server;
	it sees only committed data."""

	def __init__(self, user: str | None = None, password: str = PASSWORD, site: str | None = None):
		from frappe.app import application
		from werkzeug.test import Client

		self.site = site or frappe.local.site
		self.client = Client(application, use_cookies=True)
		if user:
			response = self.post("/api/method/login", data={"usr": user, "pwd": password})
			if response.status_code != 200:
				raise AssertionError(f"login as {user} failed: {response.status_code} {response.text[:300]}")

	def request(self, method: str, path: str, **kwargs) -> Response:
		headers = {"Host": self.site, "X-Frappe-Site-Name": self.site, **kwargs.pop("headers", {})}
		result = {}

		def run():
			response = self.client.open(path, method=method, headers=headers, **kwargs)
			result["response"] = Response(response.status_code, response.get_data(), response.headers)

		thread = threading.Thread(target=run)
		thread.start()
		thread.join()
		if "response" not in result:
			raise AssertionError(f"{method} {path} raised inside the application")
		return result["response"]

	def get(self, path: str, params: dict | None = None, **kwargs) -> Response:
		if params:
			path = f"{path}?{urlencode({k: _encode(v) for k, v in params.items()})}"
		return self.request("GET", path, **kwargs)

	def post(self, path: str, data: dict | None = None, **kwargs) -> Response:
		return self.request("POST", path, data={k: _encode(v) for k, v in (data or {}).items()}, **kwargs)

	def call(self, method: str, **params) -> Response:
		return self.post(f"/api/method/{method}", data=params)


def _encode(value):
	return json.dumps(value) if isinstance(value, dict | list) else value


# --- committed data for HTTP tests ----------------------------------------------------
class CommittedData:
	"""Records created and committed for HTTP tests, removed (and committed) at the end.
	``track`` registers a record for removal; removal runs in reverse order."""

	def __init__(self):
		self.records: list[tuple[str, str]] = []

	def track(self, doctype: str, name: str):
		self.records.append((doctype, name))
		return name

	def commit(self):
		frappe.db.commit()

	def cleanup(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		users = [name for doctype, name in self.records if doctype == "User"]
		if users:
			frappe.db.delete("User Permission", {"user": ("in", users)})
		for doctype, name in reversed(self.records):
			if not frappe.db.exists(doctype, name):
				continue
			try:
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
			except Exception:
				# test data only: remove the row even when something still links to it
				frappe.db.rollback()
				frappe.db.delete(doctype, {"name": name})
			frappe.db.commit()


# --- Data Import, as an administrator runs it from the desk ----------------------------------
def run_data_import(doctype: str, import_type: str, csv: str) -> tuple[str, str, list]:
	"""Import a CSV through Frappe's Data Import (committed, row by row as Frappe does);
	returns the import's name, its status and its log rows. Remove it with
	``frappe.delete_doc("Data Import", name, force=True)`` when done."""
	from frappe.core.doctype.data_import.data_import import DataImport

	frappe.set_user("Administrator")
	file = frappe.get_doc(
		{"doctype": "File", "file_name": f"import-{unique('')}.csv", "content": csv, "is_private": 1}
	).insert(ignore_permissions=True)
	data_import = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": doctype,
			"import_type": import_type,
			"import_file": file.file_url,
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	DataImport.start_import(data_import)
	frappe.db.commit()
	logs = frappe.get_all(
		"Data Import Log", {"data_import": data_import.name}, ["success", "messages", "row_indexes"]
	)
	return data_import.name, frappe.db.get_value("Data Import", data_import.name, "status"), logs


def run_on_own_connection(job, barrier=None) -> threading.Thread:
	"""A thread that runs ``job()`` on its own database connection and commits, as an
	RQ worker does; with a barrier, all such threads start the job together."""
	site, sites_path = frappe.local.site, frappe.local.sites_path

	def work():
		frappe.init(site=site, sites_path=sites_path)
		frappe.connect()
		try:
			if barrier:
				barrier.wait()
			job()
			frappe.db.commit()
		finally:
			frappe.destroy()

	return threading.Thread(target=work)


# --- throwaway site -------------------------------------------------------------------
class ThrowawaySite:
	"""A second site built from the same ERPNext base dump as the test site, with
	dual_system installed through bench; used for uninstall/reinstall/migrate."""

	def __init__(self, name: str = "ds-throwaway.localhost"):
		self.name = name
		self.bench_dir = os.environ["DS_BENCH_DIR"]
		# a MariaDB option file with the database admin (./dev passes it; no password on command lines)
		self.db_defaults = os.environ["DS_DB_DEFAULTS_FILE"]
		self.base_dump = os.environ["DS_BASE_DUMP"]

	def bench(self, *args, check=True) -> subprocess.CompletedProcess:
		result = subprocess.run(
			["bench", *args], cwd=self.bench_dir, capture_output=True, text=True, timeout=900
		)
		if check and result.returncode != 0:
			raise AssertionError(
				f"bench {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
			)
		return result

	def site(self, *args, check=True) -> subprocess.CompletedProcess:
		return self.bench("--site", self.name, *args, check=check)

	def create(self):
		self.drop()
		self.bench(
			"ds-new-site",
			self.name,
			"--db-defaults-file",
			self.db_defaults,
			"--admin-password",
			"admin",
			"--source-sql",
			self.base_dump,
			"--encryption-key-from",
			f"{self.base_dump}.site_config.json",
		)
		self.site("migrate", "--skip-search-index")
		self.site("install-app", "dual_system")

	def drop(self):
		if os.path.exists(os.path.join(self.bench_dir, "sites", self.name, "site_config.json")):
			self.bench("ds-drop-site", self.name, "--db-defaults-file", self.db_defaults, check=False)

	def python(self, code: str) -> str:
		"""Run Python on the throwaway site in a fresh process; return what it prints."""
		script = (
			"import frappe, json\n"
			f"frappe.init(site={self.name!r}, sites_path='.')\n"
			"frappe.connect()\n"
			"try:\n"
			+ "".join(f"    {line}\n" for line in code.strip().splitlines())
			+ "finally:\n    frappe.destroy()\n"
		)
		result = subprocess.run(
			[os.path.join(self.bench_dir, "env", "bin", "python"), "-c", script],
			cwd=os.path.join(self.bench_dir, "sites"),
			capture_output=True,
			text=True,
			timeout=600,
		)
		if result.returncode != 0:
			raise AssertionError(f"python on {self.name} failed:\n{result.stderr[-3000:]}")
		return result.stdout


# --- an organisation for risk tests ---------------------------------------------------------
class Org:
	"""A committed organisation shared by a test session: departments (A with a child
	team, B, safety), and users with passwords and employees for every safety role.
	Tests only read it; records they create are rolled back or removed by them."""

	ROLES = {
		"officer": ["Safety Officer"],
		"manager": ["Safety Manager"],
		"principal": ["Company Principal"],
		"lead_a": ["Department Safety Lead"],
		"lead_b": ["Department Safety Lead"],
		"inspector_a": ["Inspector"],
		"employee_a": [],
		"employee_b": [],
		"hr": ["HR User"],
	}
	HOME = {
		"officer": "safety",
		"manager": "safety",
		"principal": "safety",
		"lead_a": "a",
		"lead_b": "b",
		"inspector_a": "a1",
		"employee_a": "a1",
		"employee_b": "b",
		"hr": "safety",
	}

	COMPANY = ("DS Test Company", "DSTC")

	def __init__(self):
		self.tag = unique("")
		self.company = make_company(*self.COMPANY)
		self.data = CommittedData()
		self.users: dict[str, str] = {}
		self.employees: dict[str, str] = {}

	def build(self):
		frappe.set_user("Administrator")
		self.dept = {}
		self.dept["safety"] = self.data.track(
			"Department", make_department(f"Safety {self.tag}", self.company)
		)
		self.dept["a"] = self.data.track(
			"Department", make_department(f"Workshop A {self.tag}", self.company)
		)
		self.dept["a1"] = self.data.track(
			"Department", make_department(f"Team A1 {self.tag}", self.company, parent=self.dept["a"])
		)
		self.dept["b"] = self.data.track(
			"Department", make_department(f"Workshop B {self.tag}", self.company)
		)
		self.location = {}
		self.asset = {}
		for key in ("a", "a1", "b"):
			self.location[key] = make_location(f"Area {key.upper()} {self.tag}")
			self.asset[key] = make_asset(
				self.company, f"Machine {key.upper()} {self.tag}", self.location[key]
			)
		for key, roles in self.ROLES.items():
			email = f"{key.replace('_', '-')}-{self.tag.lower()}@example.com"
			make_user(email, roles=roles, first_name=f"{key} {self.tag}")
			self.data.track("User", email)
			# HR keeps everyone's file: as on a real site, its employee restricts nothing and
			# an administrator holds it to the company (see make_hr_staff)
			hr = "HR User" in roles
			employee = make_employee(
				f"{key} {self.tag}",
				self.company,
				self.dept[self.HOME[key]],
				user=email,
				create_user_permission=0 if hr else 1,
			)
			if hr:
				hold_to_company(email, self.company)
			self.data.track("Employee", employee)
			self.users[key] = email
			self.employees[key] = employee
		self.data.commit()
		return self

	def user(self, key: str) -> str:
		return self.users[key]

	def cleanup(self):
		self.data.cleanup()


# --- risk records ----------------------------------------------------------------------------
def make_risk_point(
	department: str,
	company: str | None = None,
	code: str | None = None,
	risk_point_type: str = "Facility / Equipment",
	parent: str | None = None,
	is_group: int = 0,
	**fields,
) -> str:
	company = company or frappe.db.get_value("Department", department, "company") or default_company()
	fields.setdefault("location", make_location("Test Plant Area"))
	doc = frappe.get_doc(
		{
			"doctype": "Risk Point",
			"risk_point_code": code or unique("RP-"),
			"risk_point_name": fields.pop("risk_point_name", None) or f"Point {unique('')}",
			"risk_point_type": risk_point_type,
			"company": company,
			"department": department,
			"parent_risk_point": parent,
			"is_group": is_group,
			**fields,
		}
	)
	doc.insert()
	return doc.name


# one control measure of every category, as a real assessment row carries them
FULL_MEASURES = {
	"existing_engineering": "Interlock and emergency cut-off\nGas detection",
	"existing_management": "Hourly patrol",
	"existing_training": "Post training",
	"existing_ppe": "Anti-static clothing",
	"existing_emergency": "Fire plan and drill",
	"recommended_management": "Review the alarm settings",
}


def lec_row(l=1, e=6, c=15, accident_type="GB6441-1986-08", full: bool = False, **fields) -> dict:
	"""An LEC row; ``full`` adds measures of every category (as the demo's rows have)."""
	if full:
		fields = {**FULL_MEASURES, **fields}
	return {
		"step_or_item": fields.pop("step_or_item", "Step"),
		"hazard": fields.pop("hazard", f"Hazard {unique('')}"),
		"accident_type": accident_type,
		"factor_1": str(l),
		"factor_2": str(e),
		"factor_3": str(c),
		**fields,
	}


def make_assessment(
	risk_point: str, rows: list[dict], method: str = "LEC", identification: str = "JHA", **fields
):
	doc = frappe.get_doc(
		{
			"doctype": "Risk Assessment",
			"risk_point": risk_point,
			"identification_method": identification,
			"evaluation_method": method,
			"rows": rows,
			**fields,
		}
	)
	doc.insert()
	return doc


def act(name: str, action: str, user: str, doctype: str = "Risk Assessment"):
	"""Apply a workflow action as a user, the way the desk's action button does."""
	from frappe.model.workflow import apply_workflow

	frappe.set_user(user)
	try:
		return apply_workflow(frappe.get_doc(doctype, name), action)
	finally:
		frappe.set_user("Administrator")


def approve_through_workflow(name: str, org: Org, reviewer: str = "lead_a"):
	"""Officer submits for review, the workshop lead reviews, the manager (or the
	principal for major risks) approves."""
	act(name, "Submit for Review", org.user("officer"))
	act(name, "Review", org.user(reviewer))
	major = frappe.db.get_value("Risk Assessment", name, "has_major_risk")
	return act(name, "Approve", org.user("principal" if major else "manager"))


def purge_risk_points(points: list[str]):
	"""Remove committed test risk data: the points with their assessments, events and measures."""
	frappe.set_user("Administrator")
	frappe.db.rollback()
	for point in points:
		assessments = frappe.get_all("Risk Assessment", {"risk_point": point}, pluck="name")
		events = frappe.get_all("Risk Event", {"risk_point": point}, pluck="name")
		if events:
			frappe.db.delete("Control Measure", {"risk_event": ("in", events)})
			frappe.db.delete("Risk Event", {"name": ("in", events)})
		if assessments:
			frappe.db.delete("Risk Assessment Row", {"parent": ("in", assessments)})
			frappe.db.delete("Risk Assessment", {"name": ("in", assessments)})
		frappe.db.delete("Safety Reminder Log", {"reference_name": point})
		frappe.db.delete("Notification Log", {"document_name": point})
	for point in reversed(points):
		frappe.db.delete("Risk Point", {"name": point})
	frappe.db.commit()


# --- safety training ------------------------------------------------------------------------
DUAL_SYSTEM_TRAINING = "Dual Prevention Mechanism"
START = "2026-09-15 09:00:00"


def hold_to_company(user: str, company: str) -> None:
	"""The User Permission on Company an administrator gives a user whose employee restricts nothing."""
	if not frappe.db.exists("User Permission", {"user": user, "allow": "Company", "for_value": company}):
		frappe.get_doc(
			{"doctype": "User Permission", "user": user, "allow": "Company", "for_value": company}
		).insert(ignore_permissions=True)


def make_hr_staff(company: str, department: str | None, roles=("HR User",), name: str | None = None):
	"""An HR user as HR users are set up: linked to an employee whose *Create User
	Permission* is off (ERPNext: "this will restrict user access to other employee
	records"), and held to the company by a User Permission an administrator adds.
	Returns (user email, employee name)."""
	email, employee = make_staff(roles, department, company, name, create_user_permission=0)
	hold_to_company(email, company)
	return email, employee


def make_requirement(
	company: str,
	training_type: str = DUAL_SYSTEM_TRAINING,
	applies_to: str = "Everyone",
	target: str | None = None,
	hours: float = 4,
	months: int = 12,
	purposes=(),
	figure: str | None = None,
) -> str:
	field = {"Designation": "designation", "Department": "department", "Role": "role"}.get(applies_to)
	doc = frappe.get_doc(
		{
			"doctype": "Safety Training Requirement",
			"company": company,
			"applies_to": applies_to,
			**({field: target} if field else {}),
			"training_type": training_type,
			"min_hours_per_year": hours,
			"validity_months": months,
			"gate_purposes": [{"purpose": p} for p in purposes],
			"four_hundred_percent": figure,
		}
	)
	doc.insert()
	return doc.name


def make_session(
	company: str,
	attendees=(),
	training_type: str = DUAL_SYSTEM_TRAINING,
	hours: float = 4,
	start: str = START,
	**fields,
):
	"""A planned session; attendees as (employee, attendance, score) tuples."""
	doc = frappe.get_doc(
		{
			"doctype": "Safety Training Session",
			"topic": fields.pop("topic", f"Dual-system construction plan {unique('')}"),
			"training_type": training_type,
			"company": company,
			"start_time": start,
			"hours": hours,
			"venue": fields.pop("venue", "First-floor conference room"),
			"trainer_type": fields.pop(
				"trainer_type", "External" if not fields.get("trainer_employee") else "Employee"
			),
			"trainer_name": fields.pop("trainer_name", "Provincial emergency bureau expert"),
			"attendees": [
				{"employee": employee, "attendance": attendance, "score": score}
				for employee, attendance, score in attendees
			],
			**fields,
		}
	)
	doc.insert()
	return doc


def session_action(name: str, action: str, user: str):
	return act(name, action, user, doctype="Safety Training Session")


def make_training_record(
	employee: str,
	training_date: str,
	hours: float = 4,
	training_type: str = DUAL_SYSTEM_TRAINING,
	result: str = "Passed",
) -> str:
	"""A training held elsewhere, entered by hand (as HR enters a certificate)."""
	doc = frappe.get_doc(
		{
			"doctype": "Safety Training Record",
			"employee": employee,
			"training_type": training_type,
			"training_date": training_date,
			"hours": hours,
			"topic": f"Training {unique('')}",
			"result": result,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.name
