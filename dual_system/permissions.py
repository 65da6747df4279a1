"""Department scope for the safety doctypes, enforced on every read path.

Company scope is ERPNext's own: User Permissions on Company (added automatically
when a user is linked to an Employee) restrict every doctype with a Company link.
On top of that, users whose safety roles are department-level (Department
Safety Lead, Inspector, Rectification Owner, Employee) see only records of
their scope: the department of the Employee linked to the user with its whole
subtree, plus the departments listed for them in Safety User Scope (with their
subtrees). People named on a record (responsible person, 包保 persons, the
analyst…) always see it.

The same rule is applied as SQL (``permission_query_conditions``: list, report
view, export, get_list, dashboards) and in Python (``has_permission``: form,
print, PDF, get_doc). Link search, which Frappe runs without permission
conditions when ``ignore_user_permissions`` is set, goes through
``scoped_link_query`` (``standard_queries`` hook).
"""

from __future__ import annotations

import frappe

# Roles whose holders see every record of their companies.
COMPANY_WIDE_ROLES = frozenset({"System Manager", "Safety Manager", "Company Principal", "Safety Officer"})

# doctype → (department fields, user fields naming people who always see the record)
SCOPED_DOCTYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
	"Risk Point": (
		("department",),
		(
			"responsible_user",
			"main_responsible_user",
			"technical_responsible_user",
			"operating_responsible_user",
		),
	),
	"Risk Assessment": (("department",), ("owner", "analyst", "reviewer", "approver")),
	"Risk Event": (("department", "responsible_department"), ("responsible_user",)),
	"Control Measure": (("department", "responsible_department"), ("responsible_user",)),
}


def is_company_wide(user: str) -> bool:
	if user == "Administrator":
		return True
	return bool(COMPANY_WIDE_ROLES.intersection(frappe.get_roles(user)))


def scope_departments(user: str | None = None) -> list[str] | None:
	"""Departments the user may see, or None when not restricted by department."""
	user = user or frappe.session.user
	if is_company_wide(user):
		return None
	cache = getattr(frappe.local, "ds_scope_departments", None)
	if cache is None:
		cache = frappe.local.ds_scope_departments = {}
	if user not in cache:
		cache[user] = _compute_scope_departments(user)
	return cache[user]


def _compute_scope_departments(user: str) -> list[str]:
	roots = set(frappe.get_all("Employee", filters={"user_id": user, "status": "Active"}, pluck="department"))
	if frappe.db.exists("Safety User Scope", user):
		roots.update(
			frappe.get_all(
				"Safety User Scope Department",
				filters={"parent": user, "parenttype": "Safety User Scope"},
				pluck="department",
			)
		)
	roots.discard(None)
	if not roots:
		return []
	department = frappe.qb.DocType("Department")
	bounds = (
		frappe.qb.from_(department)
		.select(department.lft, department.rgt)
		.where(department.name.isin(list(roots)))
		.run()
	)
	names: set[str] = set()
	for lft, rgt in bounds:
		names.update(
			frappe.qb.from_(department)
			.select(department.name)
			.where((department.lft >= lft) & (department.rgt <= rgt))
			.run(pluck=True)
		)
	return sorted(names)


def clear_scope_cache(*args, **kwargs):
	"""Forget computed scopes (an employee, department or scope changed)."""
	frappe.local.ds_scope_departments = {}


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	departments = scope_departments(user)
	if departments is None or doctype not in SCOPED_DOCTYPES:
		return ""
	department_fields, user_fields = SCOPED_DOCTYPES[doctype]
	table = f"`tab{doctype}`"
	clauses = [f"{table}.`{field}` = {frappe.db.escape(user)}" for field in user_fields]
	if departments:
		values = ", ".join(frappe.db.escape(d) for d in departments)
		clauses += [f"{table}.`{field}` in ({values})" for field in department_fields]
	return "(" + " or ".join(clauses) + ")"


def has_permission(
	doc, ptype: str | None = None, user: str | None = None, debug: bool = False
) -> bool | None:
	user = user or frappe.session.user
	departments = scope_departments(user)
	if departments is None or doc.doctype not in SCOPED_DOCTYPES:
		return None
	department_fields, user_fields = SCOPED_DOCTYPES[doc.doctype]
	if any(doc.get(field) == user for field in user_fields):
		return True
	if doc.get("__islocal") and ptype == "create" and not any(doc.get(f) for f in department_fields):
		# a new record is checked again with its department on save
		return True
	return any(doc.get(field) in departments for field in department_fields if doc.get(field))


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def scoped_link_query(
	doctype, txt, searchfield, start, page_len, filters, as_dict=False, reference_doctype=None
):
	"""Link search that always applies the department scope, even when the link
	field sets ``ignore_user_permissions`` (Frappe then skips permission checks)."""
	meta = frappe.get_meta(doctype)
	fields = ["name"]
	if meta.title_field and meta.title_field != "name":
		fields.append(meta.title_field)
	for field in meta.get_search_fields():
		if field not in fields and meta.get_field(field):
			fields.append(field)
	or_filters = [[doctype, field, "like", f"%{txt}%"] for field in fields] if txt else None
	rows = frappe.get_list(
		doctype,
		fields=fields,
		filters=filters,
		or_filters=or_filters,
		limit_start=start,
		limit_page_length=page_len,
		order_by="name asc",
		as_list=not as_dict,
	)
	return rows
