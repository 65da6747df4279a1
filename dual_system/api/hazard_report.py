"""Reporting a hidden danger by anyone (随手拍, DOMAIN.md §7): the /report-hazard page.

Any logged-in user with the Employee role reports through :func:`report_hazard`,
which calls ``services.hazard.raise_ticket`` with the user's own permissions (an
anonymous report is stored so that nothing names the reporter: see
``services.hazard.before_insert``). The page lists only what the user may read.
"""

from __future__ import annotations

import base64
import binascii

import frappe
from frappe import _
from frappe.utils import cint

from dual_system.core.hazard_kpi import CLOSED, REJECTED

REPORTER_ROLE = "Employee"
MAX_PHOTO_BYTES = 10 * 1024 * 1024
PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def check_reporter() -> None:
	if frappe.session.user == "Guest":
		frappe.throw(_("Log in to report a hidden danger"), frappe.PermissionError)
	if REPORTER_ROLE not in frappe.get_roles():
		frappe.throw(_("Only employees may report hidden dangers here"), frappe.PermissionError)


@frappe.whitelist()
def risk_points() -> list[dict]:
	"""The active risk points the user may read, for the page's picker."""
	check_reporter()
	return frappe.get_list(
		"Risk Point",
		filters={"status": "Active"},
		fields=["name", "risk_point_name", "location"],
		order_by="risk_point_code asc, name asc",
		limit_page_length=0,
	)


@frappe.whitelist()
def open_tickets(risk_point: str) -> list[dict]:
	"""Open hidden dangers on a risk point that the user may read (a hint against duplicates)."""
	check_reporter()
	if not risk_point:
		return []
	rows = frappe.get_list(
		"Hazard Ticket",
		filters={"risk_point": risk_point, "status": ("not in", [CLOSED, *REJECTED])},
		fields=["name", "description", "status", "date_found"],
		order_by="date_found desc",
		limit_page_length=20,
	)
	for row in rows:
		row.status = _(row.status)
	return rows


@frappe.whitelist(methods=["POST"])
def report_hazard(
	description: str,
	risk_point: str | None = None,
	location: str | None = None,
	is_anonymous: int = 0,
	photo: str | None = None,
	photo_name: str | None = None,
) -> dict:
	"""Raise a hidden danger from the page; ``photo`` is a data URL (image/*) or base64."""
	from dual_system.services.hazard import raise_ticket

	check_reporter()
	description = (description or "").strip()
	if not description:
		frappe.throw(_("Describe the hidden danger"), title=_("Missing Description"))
	if risk_point and not frappe.has_permission("Risk Point", "read", doc=risk_point):
		frappe.throw(
			_("You cannot link {0} {1}: it is outside your scope").format(_("Risk Point"), risk_point),
			frappe.PermissionError,
		)
	if location and not frappe.db.exists("Location", location):
		location = None
	if risk_point and not location:
		location = frappe.db.get_value("Risk Point", risk_point, "location")
	photo_file = _save_photo(photo, photo_name) if photo else None
	name = raise_ticket(
		{
			"description": description,
			"risk_point": risk_point or None,
			"location": location or None,
			"is_anonymous": cint(is_anonymous),
			"source": "Employee Report",
			"photo_before": photo_file.file_url if photo_file else None,
		}
	)
	if photo_file:
		frappe.db.set_value(
			"File",
			photo_file.name,
			{
				"attached_to_doctype": "Hazard Ticket",
				"attached_to_name": name,
				"attached_to_field": "photo_before",
			},
			update_modified=False,
		)
	readable = frappe.has_permission("Hazard Ticket", "read", doc=name)
	return {
		"name": name if readable else None,
		"message": _("Thank you: hidden danger {0} reported").format(name),
	}


def _save_photo(photo: str, photo_name: str | None):
	header, _sep, data = photo.partition(",") if photo.startswith("data:") else ("", "", photo)
	content_type = header[5:].split(";")[0] if header else "image/jpeg"
	if content_type not in PHOTO_TYPES:
		frappe.throw(_("The photo must be a JPEG, PNG or WebP image"), title=_("Not a Photo"))
	try:
		content = base64.b64decode(data, validate=True)
	except (binascii.Error, ValueError):
		frappe.throw(_("The photo could not be read"), title=_("Not a Photo"))
	if len(content) > MAX_PHOTO_BYTES:
		frappe.throw(_("The photo is larger than 10 MB"), title=_("Photo Too Large"))
	name = frappe.scrub((photo_name or "photo").rsplit(".", 1)[0])[:60] or "photo"
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"hazard-{name}.{PHOTO_TYPES[content_type]}",
			"is_private": 1,
			"content": content,
		}
	)
	file.insert(ignore_permissions=True)
	return file
