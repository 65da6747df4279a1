"""Frappe 15 whitelisted methods that read or count records without the reader's
permissions, replaced for the whole site (``hooks.override_whitelisted_methods``).

Each keeps its signature and answer for what the user may read; the door
inventory test (tests/test_doors.py) calls every one as an out-of-scope user.
"""

from __future__ import annotations

import json

import frappe
from frappe import _
from frappe.client import get_safe_filters
from frappe.utils import cint

from dual_system.permissions import can_read, context, validate_scoped_links
from dual_system.scopes import SCOPES


@frappe.whitelist()
def get_count(doctype, filters=None, debug=False, cache=False):
	"""``frappe.client.get_count`` is ``frappe.db.count``: no permission check at all,
	and with ``like`` filters a content oracle (a Version's data, a Comment's text).
	Count what ``frappe.get_list`` lets the user see, for every doctype."""
	rows = frappe.get_list(
		doctype, filters=get_safe_filters(filters), fields=["count(*) as count"], debug=debug
	)
	return cint(rows[0].count) if rows else 0


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""The list sidebar's group-by counts. Frappe builds the "Assigned To" counts from
	an unchecked query of the records; here the records are those the user may list."""
	from frappe.desk.listview import get_group_by_count as frappe_group_by_count

	if field != "assigned_to":
		return frappe_group_by_count(doctype, current_filters, field)
	names = frappe.get_list(
		doctype, filters=frappe.parse_json(current_filters), pluck="name", limit_page_length=0
	)
	if not names:
		return []
	todo = frappe.qb.DocType("ToDo")
	user = frappe.qb.DocType("User")
	count = frappe.query_builder.functions.Count("*").as_("count")
	return (
		frappe.qb.from_(todo)
		.from_(user)
		.select(todo.allocated_to.as_("name"), count)
		.where(
			(todo.status != "Cancelled")
			& (todo.allocated_to == user.name)
			& (user.user_type == "System User")
			& (todo.reference_type == doctype)
			& (todo.reference_name.isin(names))
		)
		.groupby(todo.allocated_to)
		.orderby(count, order=frappe.qb.desc)
		.limit(50)
		.run(as_dict=True)
	)


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	"""Frappe answers whether any name exists; for a scoped record the user may not
	read, answer as if it did not exist (no existence oracle through link fields)."""
	from frappe.client import validate_link as frappe_validate_link

	if doctype in SCOPES and isinstance(docname, str) and not context().unrestricted:
		if not can_read(doctype, docname):
			return frappe._dict()
	return frappe_validate_link(doctype, docname, fields)


@frappe.whitelist()
def get_link_title(doctype, docname):
	"""Frappe answers the title of any record of a doctype showing titles in links;
	a scoped record's title only to its readers (others get the name they sent)."""
	from frappe.desk.search import get_link_title as frappe_get_link_title

	if doctype in SCOPES and not context().unrestricted and not can_read(doctype, docname):
		return docname
	return frappe_get_link_title(doctype, docname)


@frappe.whitelist()
def global_search(text, start=0, limit=20, doctype=""):
	"""The awesome bar's full-text search checks only that the user may read the
	doctype; results of scoped doctypes are kept only when the record is readable."""
	from frappe.utils.global_search import search

	results = search(text, start, limit, doctype)
	if context().unrestricted:
		return results
	return [r for r in results if r.get("doctype") not in SCOPES or can_read(r["doctype"], r["name"])]


def _refuse_unreadable_links(doc, name):
	"""A print given a document (not a name) renders the titles of its links:
	every scoped record it links must be readable."""
	if isinstance(name, str):
		return
	document = frappe.get_doc(json.loads(doc) if isinstance(doc, str) else doc)
	document.flags.ignore_permissions = False
	validate_scoped_links(document)


@frappe.whitelist()
def get_html_and_style(
	doc: str,
	name: str | None = None,
	print_format: str | None = None,
	no_letterhead: bool | None = None,
	letterhead: str | None = None,
	trigger_print: bool = False,
	style: str | None = None,
	settings: str | None = None,
):
	from frappe.www.printview import get_html_and_style as frappe_get_html_and_style

	_refuse_unreadable_links(doc, name)
	return frappe_get_html_and_style(
		doc, name, print_format, no_letterhead, letterhead, trigger_print, style, settings
	)


@frappe.whitelist()
def get_rendered_raw_commands(doc: str, name: str | None = None, print_format: str | None = None):
	from frappe.www.printview import get_rendered_raw_commands as frappe_raw_commands

	_refuse_unreadable_links(doc, name)
	return frappe_raw_commands(doc, name, print_format)


# --- requests -------------------------------------------------------------------------------
LIST_FIELD_ARGS = ("fields", "fieldname", "group_by", "order_by")


def refuse_linked_field_reads():
	"""``before_request``: list APIs accept ``link_field.fieldname`` and join the
	linked table with doctype-level permission only. A department-scoped user may
	not read fields of a scoped record that way — the record may be outside their
	scope even when the row that links it is not."""
	form = frappe.local.form_dict
	doctype = form.get("doctype") or _resource_doctype()
	if not doctype or not isinstance(doctype, str) or context().unrestricted:
		return
	try:
		meta = frappe.get_meta(doctype)
	except frappe.DoesNotExistError:
		return
	for arg in LIST_FIELD_ARGS:
		for field in _field_names(form.get(arg)):
			link = field.split(".", 1)[0].strip("` ")
			df = meta.get_field(link) if "." in field else None
			if df and df.fieldtype == "Link" and df.options in SCOPES:
				frappe.throw(
					_("Fields of a linked {0} cannot be read through a list; open the {0} instead").format(
						_(df.options)
					),
					frappe.PermissionError,
				)


def _resource_doctype() -> str | None:
	path = frappe.request.path if getattr(frappe.local, "request", None) else ""
	parts = path.strip("/").split("/")
	if parts[:1] != ["api"]:
		return None
	for i, part in enumerate(parts[:-1]):
		if part in ("resource", "document"):
			from urllib.parse import unquote

			return unquote(parts[i + 1])
	return None


def _field_names(value) -> list[str]:
	if not value:
		return []
	if isinstance(value, str):
		try:
			value = json.loads(value)
		except ValueError:
			value = value.split(",")
	if isinstance(value, str):
		value = [value]
	return [str(v).split(" as ")[0].strip() for v in value if isinstance(v, str)]
