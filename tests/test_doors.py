"""Every door, tried by a curious user of another department.

A Department Safety Lead of workshop A (and a plain employee of A) probe over
HTTP, with a browser's session cookie, the records of workshop B: a risk point
with its assessment rows, events, measures, a private attachment, a comment, an
assignment, versions and a pending workflow action, all carrying a secret word.
Nothing about B may come back, through any door, and no write may land there.

Two parts:
- the families of doors named in the issue, each tried explicitly;
- the inventory: every whitelisted method of Frappe, ERPNext and the app that
  can be aimed at a record (it takes a doctype, a name or a document, or reads
  them from the request) is called with B as its target, and every REST route
  of Frappe's API is tried on every scoped doctype; the secret must not appear
  in any answer. Methods that cannot be aimed at a record are listed by rule;
  the few not called are listed with the reason they are safe.
A new scoped doctype is covered by its entry in dual_system.scopes.SCOPES.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil

import frappe
import pytest
from ds_testkit import (
	CommittedData,
	HttpSession,
	act,
	approve_through_workflow,
	lec_row,
	make_assessment,
	make_risk_point,
	make_staff,
	purge_risk_points,
	unique,
)

from dual_system.scopes import REFERENCES, SCOPES, child_doctypes

ATTACKERS = ("lead_a", "employee_a")


# --- the probed organisation ---------------------------------------------------------------
@pytest.fixture(scope="module")
def target(org):
	"""Workshop B's records, each carrying the secret; workshop A's own point."""
	secret = f"ZQX{unique('')}"
	data = CommittedData()
	frappe.set_user(org.user("officer"))
	own = make_risk_point(
		org.dept["a"],
		code=f"DA-{unique('')}",
		risk_point_name="Own point",
		responsible_employee=org.employees["lead_a"],
		location=org.location["a"],
		asset=org.asset["a"],
	)
	point = make_risk_point(
		org.dept["b"],
		code=f"DB-{unique('')}",
		risk_point_name=f"Boiler {secret}",
		description=f"{secret} description",
		emergency_contact=f"555-{secret}",
		responsible_employee=org.employees["lead_b"],
		location=org.location["b"],
		asset=org.asset["b"],
	)
	frappe.db.commit()
	approved = make_assessment(point, [lec_row(3, 6, 7, full=True, hazard=f"{secret} hazard")]).name
	frappe.db.commit()
	approve_through_workflow(approved, org, reviewer="lead_b")
	frappe.set_user("Administrator")
	event = frappe.db.get_value("Risk Event", {"risk_assessment": approved}, "name")
	measure = frappe.db.get_value("Control Measure", {"risk_event": event}, "name")
	row = frappe.db.get_value("Risk Assessment Row", {"parent": approved}, "name")
	# a revision waiting for review leaves workflow actions for the reviewers
	frappe.set_user(org.user("officer"))
	from dual_system.services.risk import revise

	draft = revise(approved, "Periodic Review")
	frappe.db.commit()
	act(draft, "Submit for Review", org.user("officer"))
	frappe.set_user("Administrator")
	doc = frappe.get_doc("Risk Point", point)
	doc.emergency_contact = f"556-{secret}"  # a Version holding the secret
	doc.save()
	doc.add_comment("Comment", f"{secret} comment")
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{secret}.txt",
			"attached_to_doctype": "Risk Point",
			"attached_to_name": point,
			"is_private": 1,
			"content": f"{secret} file content",
		}
	).insert(ignore_permissions=True)
	from frappe.desk.form.assign_to import add as assign

	assign(
		{
			"doctype": "Risk Point",
			"name": point,
			"assign_to": [org.user("lead_b")],
			"description": f"{secret} todo",
		}
	)
	frappe.db.commit()
	yield frappe._dict(
		secret=secret,
		own=own,
		point=point,
		assessment=approved,
		draft=draft,
		event=event,
		measure=measure,
		row=row,
		file=file.name,
		file_url=file.file_url,
	)
	frappe.set_user("Administrator")
	frappe.db.rollback()
	for doctype, field in (
		("File", "attached_to_name"),
		("Comment", "reference_name"),
		("ToDo", "reference_name"),
	):
		frappe.db.delete(doctype, {field: point})
	frappe.db.delete("Workflow Action", {"reference_name": draft})
	data.cleanup()
	purge_risk_points([point, own])


@pytest.fixture(scope="module")
def sessions(org, target):
	cache = {}

	def session(key):
		if key not in cache:
			cache[key] = HttpSession(org.user(key))
		return cache[key]

	return session


def assert_no_secret(response, target, what=""):
	assert target.secret not in response.text, f"{what} leaked: {response.text[:800]}"


def rows_of(response):
	assert response.status_code == 200, response.text[:500]
	return response.data if response.json().get("data") is not None else response.message


# --- the families ------------------------------------------------------------------------------
@pytest.mark.parametrize("attacker", ATTACKERS)
def test_child_rows_are_read_only_through_a_readable_parent(sessions, target, attacker):
	s = sessions(attacker)
	fields = ["parent", "hazard", "consequence", "factor_1", "existing_engineering"]
	rest = s.get(
		"/api/resource/Risk Assessment Row",
		{"parent": "Risk Assessment", "fields": fields, "limit_page_length": 0},
	)
	assert_no_secret(rest, target, "REST child list")
	for method in ("frappe.client.get_list", "frappe.desk.reportview.get"):
		response = s.call(
			method,
			doctype="Risk Assessment Row",
			parent="Risk Assessment",
			fields=fields,
			filters=[["hazard", "like", f"%{target.secret}%"]],
			limit_page_length=0,
		)
		assert_no_secret(response, target, method)
	one = s.call(
		"frappe.client.get", doctype="Risk Assessment Row", name=target.row, parent="Risk Assessment"
	)
	assert one.status_code == 403
	assert_no_secret(one, target)
	value = s.call(
		"frappe.client.get_value",
		doctype="Risk Assessment Row",
		fieldname="hazard",
		filters={"parent": target.assessment},
		parent="Risk Assessment",
	)
	assert_no_secret(value, target, "get_value of a child row")


def test_the_owning_department_reads_its_child_rows(sessions, target):
	response = sessions("lead_b").get(
		"/api/resource/Risk Assessment Row",
		{"parent": "Risk Assessment", "fields": ["hazard"], "filters": [["parent", "=", target.assessment]]},
	)
	assert [r["hazard"] for r in rows_of(response)] == [f"{target.secret} hazard"]


@pytest.mark.parametrize("attacker", ATTACKERS)
def test_attachments_of_another_department_are_not_listed(sessions, target, attacker):
	s = sessions(attacker)
	listing = s.get(
		"/api/resource/File",
		{
			"filters": [["attached_to_doctype", "=", "Risk Point"]],
			"fields": ["name", "file_name", "attached_to_name"],
		},
	)
	assert_no_secret(listing, target, "File list")
	assert target.point not in listing.text
	for method, args in (
		("frappe.core.api.file.get_files_in_folder", {"folder": "Home/Attachments"}),
		("frappe.core.api.file.get_attached_images", {"doctype": "Risk Point", "names": [target.point]}),
		("frappe.core.api.file.get_files_by_search_text", {"text": target.secret}),
	):
		response = s.call(method, **args)
		assert_no_secret(response, target, method)
		assert target.point not in response.text
	assert s.get(target.file_url).status_code in (403, 404)


def test_the_owning_department_lists_its_attachment(sessions, target):
	response = sessions("lead_b").get(
		"/api/resource/File", {"filters": [["attached_to_name", "=", target.point]], "fields": ["file_name"]}
	)
	assert [r["file_name"] for r in rows_of(response)] == [f"{target.secret}.txt"]


@pytest.mark.parametrize("attacker", ATTACKERS)
@pytest.mark.parametrize(
	"doctype,filters",
	[
		("Version", [["data", "like", "%{secret}%"]]),
		("Comment", [["content", "like", "%{secret}%"]]),
		("ToDo", [["description", "like", "%{secret}%"]]),
		("File", [["file_name", "like", "%{secret}%"]]),
		("Workflow Action", [["reference_name", "=", "{draft}"]]),
		("Risk Assessment Row", [["hazard", "like", "%{secret}%"]]),
		("Risk Point", [["description", "like", "%{secret}%"]]),
		("Control Measure", [["risk_point", "=", "{point}"]]),
	],
)
def test_counts_do_not_reveal_another_departments_content(sessions, target, attacker, doctype, filters):
	filters = json.loads(json.dumps(filters).format(**target).replace("{{", "{"))
	for method in ("frappe.client.get_count", "frappe.desk.reportview.get_count"):
		response = sessions(attacker).call(method, doctype=doctype, filters=filters)
		if response.status_code == 200:
			assert response.message == 0, (method, doctype, response.text[:300])
		else:
			assert response.status_code == 403, response.text[:300]


def test_the_owning_department_counts_its_own_content(sessions, target):
	response = sessions("lead_b").call(
		"frappe.client.get_count",
		doctype="Risk Point",
		filters=[["description", "like", f"%{target.secret}%"]],
	)
	assert response.message == 1


@pytest.mark.parametrize("attacker", ATTACKERS)
def test_group_by_counts_do_not_reveal_who_is_assigned(sessions, org, target, attacker):
	response = sessions(attacker).call(
		"frappe.desk.listview.get_group_by_count",
		doctype="Risk Point",
		current_filters="{}",
		field="assigned_to",
	)
	if response.status_code == 200:
		assert org.user("lead_b") not in response.text
	else:
		assert response.status_code == 403


def test_group_by_counts_show_the_assignee_to_the_owning_department(sessions, org, target):
	response = sessions("lead_b").call(
		"frappe.desk.listview.get_group_by_count",
		doctype="Risk Point",
		current_filters="{}",
		field="assigned_to",
	)
	assert org.user("lead_b") in {r["name"] for r in response.message}


@pytest.mark.parametrize("attacker", ATTACKERS)
def test_workflow_actions_of_another_department_are_not_listed(sessions, target, attacker):
	response = sessions(attacker).get(
		"/api/resource/Workflow Action",
		{"fields": ["reference_name", "workflow_state"], "limit_page_length": 0},
	)
	assert target.draft not in response.text


def test_the_owning_department_sees_its_workflow_action(sessions, target):
	response = sessions("lead_b").get(
		"/api/resource/Workflow Action",
		{"fields": ["reference_name"], "filters": [["reference_name", "=", target.draft]]},
	)
	assert [r["reference_name"] for r in rows_of(response)] == [target.draft]


@pytest.mark.parametrize("attacker", ATTACKERS)
def test_linked_fields_of_another_departments_point_are_not_read_through_a_list(sessions, target, attacker):
	s = sessions(attacker)
	for doctype in ("Risk Assessment", "Risk Event", "Control Measure"):
		response = s.get(
			f"/api/resource/{doctype}",
			{
				"fields": ["name", "risk_point.description", "risk_point.emergency_contact"],
				"limit_page_length": 0,
			},
		)
		assert_no_secret(response, target, f"{doctype} linked fields")


def test_validate_link_does_not_confirm_another_departments_record(sessions, target):
	response = sessions("lead_a").call(
		"frappe.client.validate_link", doctype="Risk Point", docname=target.point
	)
	assert response.status_code == 200 and not (response.message or {}).get("name")
	own = sessions("lead_a").call("frappe.client.validate_link", doctype="Risk Point", docname=target.own)
	assert own.message["name"] == target.own


def test_print_preview_of_a_made_up_document_does_not_read_linked_records(sessions, target):
	doc = {"doctype": "Risk Assessment", "risk_point": target.point, "rows": []}
	response = sessions("lead_a").call(
		"frappe.www.printview.get_html_and_style", doc=json.dumps(doc), print_format="Standard"
	)
	assert response.status_code == 403
	assert_no_secret(response, target)


# --- writes ------------------------------------------------------------------------------
def count_of(doctype, **filters):
	frappe.db.rollback()
	return frappe.db.count(doctype, filters)


def test_a_point_is_not_created_in_another_department_even_naming_oneself(sessions, org, target):
	code = f"DX-{unique('')}"
	response = sessions("lead_a").post(
		"/api/resource/Risk Point",
		data={
			"data": json.dumps(
				{
					"risk_point_code": code,
					"risk_point_name": "Smuggled",
					"risk_point_type": "Area / Site",
					"company": org.company,
					"department": org.dept["b"],
					"responsible_employee": org.employees["lead_a"],
				}
			)
		},
	)
	assert response.status_code == 403
	assert "only be created within your own departments" in response.text
	assert not frappe.db.exists("Risk Point", code)


def test_a_point_is_not_moved_into_another_department(sessions, org, target):
	response = sessions("lead_a").call(
		"frappe.client.set_value",
		doctype="Risk Point",
		name=target.own,
		fieldname="department",
		value=org.dept["b"],
	)
	assert response.status_code == 403
	assert "can only be moved" in response.text
	frappe.db.rollback()
	assert frappe.db.get_value("Risk Point", target.own, "department") == org.dept["a"]


def test_a_point_is_not_moved_out_of_ones_own_departments(sessions, org, target):
	response = sessions("lead_b").call(
		"frappe.client.set_value",
		doctype="Risk Point",
		name=target.point,
		fieldname="department",
		value=org.dept["a"],
	)
	assert response.status_code == 403
	frappe.db.rollback()
	assert frappe.db.get_value("Risk Point", target.point, "department") == org.dept["b"]


def test_an_assessment_is_not_created_on_another_departments_point(sessions, target):
	before = count_of("Risk Assessment", risk_point=target.point)
	response = sessions("lead_a").post(
		"/api/resource/Risk Assessment",
		data={
			"data": json.dumps(
				{
					"risk_point": target.point,
					"identification_method": "SCL",
					"evaluation_method": "LEC",
					"rows": [lec_row()],
				}
			)
		},
	)
	assert response.status_code == 403
	assert count_of("Risk Assessment", risk_point=target.point) == before


def test_a_file_is_not_attached_to_another_departments_point(sessions, target):
	before = count_of("File", attached_to_name=target.point)
	response = sessions("lead_a").post(
		"/api/method/upload_file",
		data={"doctype": "Risk Point", "docname": target.point, "file_url": "/files/x.png", "is_private": 1},
	)
	assert response.status_code == 403
	rest = sessions("lead_a").post(
		"/api/resource/File",
		data={
			"data": json.dumps(
				{
					"file_name": "x.txt",
					"content": "x",
					"attached_to_doctype": "Risk Point",
					"attached_to_name": target.point,
				}
			)
		},
	)
	assert rest.status_code == 403
	assert count_of("File", attached_to_name=target.point) == before


def test_a_comment_or_assignment_is_not_added_to_another_departments_point(sessions, org, target):
	before = (count_of("Comment", reference_name=target.point), count_of("ToDo", reference_name=target.point))
	sessions("lead_a").call(
		"frappe.desk.form.utils.add_comment",
		reference_doctype="Risk Point",
		reference_name=target.point,
		content="probe",
		comment_email=org.user("lead_a"),
		comment_by="probe",
	)
	sessions("lead_a").call(
		"frappe.desk.form.assign_to.add",
		doctype="Risk Point",
		name=target.point,
		assign_to=[org.user("lead_a")],
	)
	after = (count_of("Comment", reference_name=target.point), count_of("ToDo", reference_name=target.point))
	assert after == before


# --- sign-off bound to the actor ------------------------------------------------------------
@pytest.fixture
def pending_review(org):
	frappe.set_user(org.user("officer"))
	point = make_risk_point(org.dept["a"], responsible_employee=org.employees["lead_a"])
	frappe.db.commit()
	doc = make_assessment(point, [lec_row(3, 6, 7, full=True)])
	frappe.db.commit()
	act(doc.name, "Submit for Review", org.user("lead_a"))
	frappe.db.commit()
	yield doc.name
	purge_risk_points([point])


def test_the_analyst_cannot_be_rewritten_before_reviewing_ones_own_work(sessions, org, pending_review):
	forged = sessions("lead_a").call(
		"frappe.client.set_value",
		doctype="Risk Assessment",
		name=pending_review,
		fieldname="analyst",
		value=org.user("officer"),
	)
	assert forged.status_code == 417 and "recorded by the system" in forged.text
	review = sessions("lead_a").call(
		"frappe.model.workflow.apply_workflow",
		doc=json.dumps(frappe.get_doc("Risk Assessment", pending_review).as_dict(), default=str),
		action="Review",
	)
	assert review.status_code == 417 and "cannot be the analyst" in review.text
	frappe.db.rollback()
	assert frappe.db.get_value("Risk Assessment", pending_review, ["analyst", "reviewer", "status"]) == (
		org.user("lead_a"),
		None,
		"Pending Review",
	)


def test_the_analyst_cannot_record_a_reviewer(sessions, org, pending_review):
	forged = sessions("lead_a").call(
		"frappe.client.set_value",
		doctype="Risk Assessment",
		name=pending_review,
		fieldname={"reviewer": org.user("lead_b"), "reviewed_on": "2026-01-01 10:00:00"},
	)
	assert forged.status_code == 417
	frappe.db.rollback()
	assert frappe.db.get_value("Risk Assessment", pending_review, "reviewer") is None


def test_recorded_actors_are_the_users_who_acted(org, pending_review):
	data = CommittedData()
	second_lead, employee = make_staff(roles=["Department Safety Lead"], department=org.dept["a"])
	data.track("Employee", employee)
	data.track("User", second_lead)
	data.commit()
	try:
		act(pending_review, "Review", second_lead)
		act(pending_review, "Approve", org.user("manager"))
		frappe.db.commit()
		assert frappe.db.get_value(
			"Risk Assessment", pending_review, ["analyst", "reviewer", "approver"]
		) == (
			org.user("lead_a"),
			second_lead,
			org.user("manager"),
		)
	finally:
		data.cleanup()


# --- the inventory ---------------------------------------------------------------------------
# Parameters through which a whitelisted method can be aimed at a record.
AIMING = {
	"doctype",
	"dt",
	"reference_doctype",
	"ref_doctype",
	"parent_doctype",
	"document_type",
	"doctype_name",
	"from_doctype",
	"link_doctype",
	"reference_type",
	"source_doctype",
	"child_doctype",
	"doc",
	"docs",
	"name",
	"names",
	"dn",
	"docname",
	"docnames",
	"doc_name",
	"reference_name",
	"report_name",
}

# Methods aimed at records that are not called, and why that is safe.
NOT_CALLED = {
	"frappe.www.login.login_via_token": "logs a session in from a one-time token; reads no record",
	"frappe.integrations.oauth2.authorize": "OAuth consent for the session's own user; reads no record",
	"frappe.integrations.doctype.ldap_settings.ldap_settings.login": "LDAP login; reads no record",
	"frappe.integrations.doctype.dropbox_settings.dropbox_settings.dropbox_auth_finish": (
		"stores Dropbox credentials for System Managers; reads no record"
	),
	"frappe.handler.uploadfile": "the upload form of old clients, tried as upload_file in the write tests",
	"frappe.desk.doctype.system_console.system_console.execute_code": "System Manager only (only_for)",
}


def _load_all_whitelisted() -> list:
	for app in frappe.get_installed_apps():
		package = importlib.import_module(app)
		for module in pkgutil.walk_packages(package.__path__, f"{app}."):
			if any(
				part in module.name for part in (".tests", ".test_", ".patches.", ".commands", "boilerplate")
			):
				continue
			try:
				importlib.import_module(module.name)
			except Exception:
				continue
	return list(frappe.whitelisted)


def _path(method) -> str:
	return f"{method.__module__}.{method.__name__}"


def _params(method) -> set[str]:
	try:
		return set(inspect.signature(method).parameters)
	except (TypeError, ValueError):
		return set()


def _reads_request(method) -> bool:
	try:
		return "form_dict" in inspect.getsource(method)
	except (OSError, TypeError):
		return False


def _aimed(method) -> bool:
	return bool(_params(method) & AIMING) or _reads_request(method)


def inventory():
	methods = sorted({_path(m): m for m in _load_all_whitelisted()}.items())
	aimed = [(path, m) for path, m in methods if _aimed(m) or path.startswith("dual_system.")]
	return methods, aimed


_METHODS, _AIMED = inventory() if getattr(frappe.local, "site", None) else ([], [])


def bindings(target, doctype: str, name: str, user: str) -> dict:
	parent = child_doctypes().get(doctype)
	doc = {"doctype": doctype, "name": name}
	return {
		**{p: doctype for p in AIMING if "doctype" in p or p in ("dt", "reference_type")},
		"doc": json.dumps(doc),
		"docs": json.dumps([doc]),
		"name": name,
		"names": json.dumps([name]),
		"dn": name,
		"docname": name,
		"docnames": json.dumps([name]),
		"doc_name": name,
		"reference_name": name,
		"report_name": "Risk Register",
		"parent": parent or doctype,
		"txt": target.secret,
		"text": target.secret,
		"searchfield": "name",
		"start": 0,
		"page_len": 20,
		"page_length": 20,
		"limit": 20,
		"filters": json.dumps({}),
		"current_filters": json.dumps({}),
		"fields": json.dumps(["*"]),
		"fieldname": "description",
		"field": "description",
		"value": "probe",
		"user": user,
		"tag": "probe",
		"tags": json.dumps(["probe"]),
		"stats": json.dumps(["_assign"]),
		"action": "Review",
		"content": "probe",
		"comment": "probe",
		"comment_email": user,
		"comment_by": "probe",
		"label": doctype,
		"old": name,
		"new": f"{name}-probe",
		"old_name": name,
		"new_name": f"{name}-probe",
		"following": 1,
		"assign_to": json.dumps([user]),
		"attachments": json.dumps([]),
		"result": 0,
		"prev": 0,
		"folder": "Home/Attachments",
		"format": "Standard",
		"print_format": "Standard",
	}


def call_aimed(session, path, method, args):
	"""Call with every argument the method takes (all of them when it reads the request)."""
	params = _params(method)
	everything = _reads_request(method)
	data = {k: v for k, v in args.items() if everything or k in params}
	return session.post(f"/api/method/{path}", data=data)


def test_the_inventory_accounts_for_every_whitelisted_method():
	assert len(_METHODS) > 1000, "the whitelisted methods were not all loaded"
	not_aimed = [path for path, m in _METHODS if (path, m) not in _AIMED]
	missing_reason = [p for p in NOT_CALLED if p not in dict(_AIMED)]
	# every method either can be aimed at a record (and is called below) or cannot be
	# (takes no doctype, name or document and reads none from the request)
	assert len(not_aimed) + len(_AIMED) == len(_METHODS)
	assert missing_reason == []
	print(
		f"\ndoors: {len(_METHODS)} whitelisted methods; {len(_AIMED)} can be aimed at a record, "
		f"{len(_AIMED) - len(NOT_CALLED)} called, {len(NOT_CALLED)} listed as not called; "
		f"{len(not_aimed)} take no record"
	)


TARGETS = ("Risk Point", "Risk Assessment", "Risk Assessment Row")


@pytest.mark.parametrize("path", [p for p, _m in _AIMED if p not in NOT_CALLED])
def test_no_aimed_method_answers_with_another_departments_content(sessions, org, target, path):
	method = dict(_AIMED)[path]
	names = {
		"Risk Point": target.point,
		"Risk Assessment": target.assessment,
		"Risk Assessment Row": target.row,
	}
	for doctype in TARGETS:
		response = call_aimed(
			sessions("lead_a"), path, method, bindings(target, doctype, names[doctype], org.user("lead_a"))
		)
		assert_no_secret(response, target, f"{path} on {doctype}")


REST = [
	("GET", '/api/resource/{doctype}?fields=["*"]&limit_page_length=0'),
	("GET", "/api/resource/{doctype}/{name}"),
	("GET", '/api/v2/document/{doctype}?fields=["*"]&limit=0'),
	("GET", "/api/v2/document/{doctype}/{name}"),
	("GET", "/api/v2/doctype/{doctype}/count"),
	("PUT", "/api/resource/{doctype}/{name}"),
	("DELETE", "/api/resource/{doctype}/{name}"),
]


@pytest.mark.parametrize("method,route", REST)
@pytest.mark.parametrize("doctype", [*SCOPES, *child_doctypes(), *REFERENCES])
def test_no_rest_route_answers_with_another_departments_content(sessions, target, method, route, doctype):
	names = {
		"Risk Point": target.point,
		"Risk Assessment": target.assessment,
		"Risk Event": target.event,
		"Control Measure": target.measure,
		"Risk Assessment Row": target.row,
		"File": target.file,
	}
	path = route.format(doctype=doctype, name=names.get(doctype, "x"))
	kwargs = {"data": json.dumps({"description": "probe"})} if method == "PUT" else {}
	response = sessions("lead_a").request(method, path, **kwargs)
	assert_no_secret(response, target, f"{method} {path}")


@pytest.mark.parametrize(
	"path,args",
	[
		("frappe.client.get", {"doctype": "Risk Point", "name": "{point}"}),
		(
			"frappe.client.get",
			{"doctype": "Risk Assessment Row", "name": "{row}", "parent": "Risk Assessment"},
		),
		("frappe.desk.form.load.getdoc", {"doctype": "Risk Point", "name": "{point}"}),
		("frappe.client.get_list", {"doctype": "Risk Point", "fields": ["risk_point_name"]}),
		(
			"frappe.desk.reportview.get",
			{"doctype": "Risk Point", "fields": ["`tabRisk Point`.`description`"]},
		),
		("frappe.desk.search.get_link_title", {"doctype": "Risk Point", "docname": "{point}"}),
		("frappe.desk.search.search_link", {"doctype": "Risk Point", "txt": "{secret}"}),
		("frappe.core.api.file.get_files_by_search_text", {"text": "{secret}"}),
	],
)
def test_the_probes_would_see_the_secret_as_the_owning_department(sessions, target, path, args):
	"""Positive control: the same calls, made by the department that owns the records,
	return the secret — so a probe that finds nothing found a closed door, not a bad call."""
	args = json.loads(
		json.dumps(args)
		.replace("{point}", target.point)
		.replace("{row}", target.row)
		.replace("{secret}", target.secret)
	)
	response = sessions("lead_b").call(path, **args)
	assert response.status_code == 200 and target.secret in response.text, response.text[:300]


def test_probes_wrote_nothing_about_the_other_department(target):
	frappe.db.rollback()
	point = frappe.get_doc("Risk Point", target.point)
	assert (point.description, point.department) == (f"{target.secret} description", point.department)
	for doctype, pairs in REFERENCES.items():
		if doctype in ("Version", "Access Log", "View Log", "Activity Log"):
			continue
		for doctype_field, name_field in pairs:
			owners = frappe.get_all(
				doctype, {doctype_field: "Risk Point", name_field: target.point}, pluck="owner"
			)
			assert not [o for o in owners if o.startswith("lead-a") or o.startswith("employee-a")], doctype
