"""Changes the server makes in bulk, recorded like any other change.

Superseding an assessment or archiving its events and measures writes fields
that a save would refuse (the assessment is submitted, the events come from
it). Those writes still leave a Version per record on doctypes that track
changes — who, when, which fields from what to what — and a comment saying why.
"""

from __future__ import annotations

import frappe
from frappe.utils import now_datetime


def set_values(doctype: str, names: list[str], values: dict, reason: str | None = None) -> None:
	"""Update the records with one statement and record a Version (and the reason) for each."""
	if not names:
		return
	fields = list(values)
	before = {row.name: row for row in frappe.get_all(doctype, {"name": ("in", names)}, ["name", *fields])}
	table = frappe.qb.DocType(doctype)
	query = frappe.qb.update(table).where(table.name.isin(names))
	for field, value in values.items():
		query = query.set(table[field], value)
	query.set(table.modified, now_datetime()).set(table.modified_by, frappe.session.user).run()
	if not frappe.get_meta(doctype).track_changes:
		return
	now, user = now_datetime(), frappe.session.user
	versions, comments = [], []
	for name in names:
		old = before.get(name)
		changed = [
			[f, old.get(f) if old else None, values[f]] for f in fields if not old or old.get(f) != values[f]
		]
		if not changed:
			continue
		data = {"added": [], "changed": changed, "removed": [], "row_changed": [], "data_import": None}
		versions.append(
			(frappe.generate_hash(length=10), now, now, user, user, doctype, name, frappe.as_json(data))
		)
		if reason:
			comments.append(
				(frappe.generate_hash(length=10), now, now, user, user, "Info", doctype, name, reason, user)
			)
	frappe.db.bulk_insert(
		"Version",
		["name", "creation", "modified", "owner", "modified_by", "ref_doctype", "docname", "data"],
		versions,
	)
	if comments:
		frappe.db.bulk_insert(
			"Comment",
			[
				"name",
				"creation",
				"modified",
				"owner",
				"modified_by",
				"comment_type",
				"reference_doctype",
				"reference_name",
				"content",
				"comment_email",
			],
			comments,
		)
