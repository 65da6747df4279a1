"""Anyone reports a hidden danger from a phone: /report-hazard over HTTP as real users
(committed data, removed at the end)."""

from __future__ import annotations

import base64

import frappe
import pytest
from ds_testkit import CommittedData, HttpSession, make_risk_point, unique
from ledger_kit import purge_tickets

# a 1×1 PNG
PNG = (
	"data:image/png;base64,"
	+ base64.b64encode(
		bytes.fromhex(
			"89504e470d0a1a0a0000000d4948445200000001000000010806000000"
			"1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
		)
	).decode()
)


@pytest.fixture(scope="module")
def point(org):
	data = CommittedData()
	frappe.set_user(org.user("officer"))
	name = make_risk_point(org.dept["a1"], location=org.location["a1"])
	frappe.set_user("Administrator")
	data.track("Risk Point", name)
	data.commit()
	yield name
	tickets = frappe.get_all("Hazard Ticket", {"risk_point": name}, pluck="name")
	files = frappe.get_all("File", {"attached_to_name": ("in", tickets or [""])}, pluck="name")
	for file in files:
		frappe.delete_doc("File", file, force=True, ignore_permissions=True)
	purge_tickets(tickets)
	data.cleanup()


@pytest.fixture(scope="module")
def employee(org):
	return HttpSession(org.user("employee_a"))


def report(session, point, **extra):
	tag = unique("leak ")
	response = session.call(
		"dual_system.api.hazard_report.report_hazard",
		description=f"Oil {tag} under pump P-7",
		risk_point=point,
		**extra,
	)
	assert response.status_code == 200, response.text[:600]
	frappe.db.rollback()  # see the request's commit
	name = frappe.db.get_value("Hazard Ticket", {"description": ("like", f"%{tag}%")}, "name")
	assert name
	return name


def test_the_page_asks_a_guest_to_log_in():
	response = HttpSession().get("/report-hazard")
	assert response.status_code in (301, 302, 303)
	assert "/login" in response.headers["Location"]


def test_the_page_offers_the_users_points_with_the_qr_point_chosen(employee, point):
	response = employee.get("/report-hazard", {"risk_point": point})
	assert response.status_code == 200, response.text[:300]
	assert 'capture="environment"' in response.text
	assert f'value="{point}"' in response.text
	assert "selected" in response.text.split(f'value="{point}"')[1][:120]


def test_an_employee_reports_with_a_photo(org, employee, point):
	name = report(employee, point, photo=PNG, photo_name="pump.png")
	ticket = frappe.db.get_value(
		"Hazard Ticket",
		name,
		["source", "finder", "department", "company", "location", "photo_before", "is_anonymous"],
		as_dict=True,
	)
	assert ticket.source == "Employee Report"
	assert ticket.finder == org.employees["employee_a"]
	assert (ticket.department, ticket.company, ticket.location) == (
		org.dept["a1"],
		org.company,
		org.location["a1"],
	)
	assert ticket.photo_before
	file = frappe.db.get_value(
		"File",
		{"file_url": ticket.photo_before},
		["attached_to_doctype", "attached_to_name", "is_private"],
		as_dict=True,
	)
	assert (file.attached_to_doctype, file.attached_to_name, file.is_private) == ("Hazard Ticket", name, 1)
	# the reporter reads what it reported, and its photo
	assert employee.get(f"/api/resource/Hazard Ticket/{name}").status_code == 200
	assert employee.get(ticket.photo_before).status_code == 200


def test_an_anonymous_report_names_nobody(org, employee, point):
	name = report(employee, point, is_anonymous=1, photo=PNG, photo_name="anon.png")
	ticket = frappe.db.get_value(
		"Hazard Ticket", name, ["finder", "finder_user", "owner", "modified_by", "photo_before"], as_dict=True
	)
	user, employee_id = org.user("employee_a"), org.employees["employee_a"]
	assert ticket.finder is None and ticket.finder_user is None
	assert user not in (ticket.owner, ticket.modified_by)
	file_owner = frappe.db.get_value("File", {"file_url": ticket.photo_before}, "owner")
	assert file_owner != user
	for doctype, field in (("Version", "docname"), ("Comment", "reference_name")):
		rows = frappe.get_all(doctype, {field: name}, ["owner"])
		assert all(row.owner != user for row in rows)
	assert employee_id not in str(frappe.get_doc("Hazard Ticket", name).as_dict())


def test_open_tickets_on_the_point_hint_only_what_the_user_may_read(org, employee, point):
	name = report(employee, point)
	mine = employee.call("dual_system.api.hazard_report.open_tickets", risk_point=point)
	assert mine.status_code == 200
	assert name in {row["name"] for row in mine.message}
	other = HttpSession(org.user("employee_b")).call(
		"dual_system.api.hazard_report.open_tickets", risk_point=point
	)
	assert other.status_code == 200 and other.message == []


def test_a_report_without_description_is_refused(employee, point):
	response = employee.call("dual_system.api.hazard_report.report_hazard", description=" ", risk_point=point)
	assert response.status_code == 417


def test_a_point_outside_ones_scope_is_refused(org, point):
	response = HttpSession(org.user("employee_b")).call(
		"dual_system.api.hazard_report.report_hazard", description="Probe", risk_point=point
	)
	assert response.status_code == 403, response.text[:500]


def test_the_notification_card_qr_leads_to_the_report_page(point):
	from dual_system.services.card import get_risk_card_context

	card = get_risk_card_context(point)
	assert card.report_qr.url.endswith(f"/report-hazard?risk_point={point}")
