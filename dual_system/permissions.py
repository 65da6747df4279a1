"""Department scope on every read and write path, from the declarations in
``dual_system.scopes``.

Who is scoped: users whose safety roles are department-level (Department
Safety Lead, Inspector, Rectification Owner, Employee) see records of their
scope — the department of the Employee linked to the user with its whole
subtree, plus the departments listed for them in Safety User Scope; people
named on a record see it too (see ``scopes.Scope``). Safety Managers, Company
Principals and Safety Officers see their whole companies. Everyone is held to
their companies by ERPNext's User Permissions on Company.

One rule, three forms:
- SQL (``permission_query_conditions``): lists, report view, export,
  ``get_list``, counts, dashboards, child tables read through ``parent=``, and
  the rows of Frappe's own doctypes about a scoped record (files, versions,
  comments, assignments, workflow actions…);
- documents (``has_permission``): form, print, PDF, ``get_doc``, attachments;
  for an existing record the SQL condition is evaluated on its stored row, so
  both forms always agree; writes that move a record are checked on the new
  values as well;
- links (``validate_scoped_links``, a ``validate`` doc event on every doctype):
  a user may only link a record to a scoped record they can read, or attach a
  file to one they can write.

Nothing here reads a copied department or user id: scope is computed from the
record's current links, so moving a risk point or relinking an employee's user
moves the access at once, whatever the route of the change.
"""

from __future__ import annotations

from dataclasses import dataclass

import frappe
from frappe import _
from frappe.model.base_document import BaseDocument

from dual_system.scopes import REFERENCES, SCOPES, Scope, child_doctypes

# Roles whose holders see every record of their companies.
COMPANY_WIDE_ROLES = frozenset({"System Manager", "Safety Manager", "Company Principal", "Safety Officer"})
READ_PTYPES = frozenset({"read", "select", "print", "email", "report", "export", "share"})


@dataclass(frozen=True)
class ScopeContext:
	user: str
	company_wide: bool
	companies: tuple[str, ...] | None  # None: not restricted by company
	departments: tuple[str, ...]
	employees: tuple[str, ...]
	roles: frozenset[str] = frozenset()

	@property
	def unrestricted(self) -> bool:
		return self.company_wide and self.companies is None

	def wide_for(self, scope: Scope) -> bool:
		"""Whether the user sees the scope's doctype in its whole companies."""
		return self.company_wide or bool(self.roles.intersection(scope.wide_roles))

	def departments_for(self, scope: Scope) -> tuple[str, ...]:
		"""The departments through which the user reads the scope's doctype."""
		if scope.department_roles is None or self.roles.intersection(scope.department_roles):
			return self.departments
		return ()


def is_company_wide(user: str) -> bool:
	if user == "Administrator":
		return True
	return bool(COMPANY_WIDE_ROLES.intersection(frappe.get_roles(user)))


SCOPE_CACHE = "ds_scope_context"


def context(user: str | None = None) -> ScopeContext:
	"""The user's scope: kept for the request, and across requests in Redis until an
	employee, department, user, user permission or Safety User Scope changes."""
	user = user or frappe.session.user
	local = getattr(frappe.local, "ds_scope_context", None)
	if local is None:
		local = frappe.local.ds_scope_context = {}
	if user not in local:
		cached = frappe.cache.hget(SCOPE_CACHE, user)
		if cached is None:
			cached = _compute_context(user)
			frappe.cache.hset(SCOPE_CACHE, user, cached)
		local[user] = cached
	return local[user]


def _compute_context(user: str) -> ScopeContext:
	if user == "Administrator":
		return ScopeContext(user, True, None, (), ())
	company_permissions = frappe.permissions.get_user_permissions(user).get("Company") or []
	companies = tuple(sorted({p.doc for p in company_permissions})) or None
	roles = frozenset(frappe.get_roles(user))
	company_wide = is_company_wide(user)
	if company_wide:
		return ScopeContext(user, True, companies, (), (), roles)
	employees = frappe.get_all("Employee", {"user_id": user, "status": "Active"}, ["name", "department"])
	roots = {e.department for e in employees if e.department}
	if frappe.db.exists("Safety User Scope", user):
		roots.update(
			frappe.get_all(
				"Safety User Scope Department",
				filters={"parent": user, "parenttype": "Safety User Scope"},
				pluck="department",
			)
		)
	return ScopeContext(
		user=user,
		company_wide=False,
		companies=companies,
		departments=tuple(_subtrees(roots)),
		employees=tuple(sorted(e.name for e in employees)),
		roles=roles,
	)


def _subtrees(roots: set[str]) -> list[str]:
	if not roots:
		return []
	department = frappe.qb.DocType("Department")
	names: set[str] = set()
	for lft, rgt in (
		frappe.qb.from_(department)
		.select(department.lft, department.rgt)
		.where(department.name.isin(sorted(roots)))
		.run()
	):
		names.update(
			frappe.qb.from_(department)
			.select(department.name)
			.where((department.lft >= lft) & (department.rgt <= rgt))
			.run(pluck=True)
		)
	return sorted(names)


def scope_departments(user: str | None = None) -> list[str] | None:
	"""Departments the user may see, or None when not restricted by department."""
	ctx = context(user)
	return None if ctx.company_wide else list(ctx.departments)


@dataclass(frozen=True)
class StaffScope:
	"""Whose records of a doctype with a ``staff`` scope a user reads, for code that
	works on employees rather than on records (the compliance matrix, the figures)."""

	companies: tuple[str, ...] | None  # None: any company
	departments: tuple[str, ...] | None  # None: every department of those companies
	employees: tuple[str, ...] = ()  # the user's own employees, always

	def allows(self, company: str | None, department: str | None, employee: str) -> bool:
		if self.companies is not None and company not in self.companies:
			return False
		if self.departments is None or employee in self.employees:
			return True
		return department in self.departments


def staff_scope(doctype: str, user: str | None = None) -> StaffScope:
	"""The employees whose ``doctype`` records (a staff-scoped doctype) the user reads."""
	ctx = context(user)
	scope = SCOPES[doctype]
	if ctx.wide_for(scope):
		return StaffScope(ctx.companies, None)
	return StaffScope(ctx.companies, ctx.departments_for(scope), ctx.employees)


def clear_scope_cache(*args, **kwargs):
	"""Forget computed scopes (an employee, department, user, user permission or scope changed)."""
	frappe.local.ds_scope_context = {}
	frappe.cache.delete_value(SCOPE_CACHE)


# --- SQL ------------------------------------------------------------------------------------
def _in(values) -> str:
	return ", ".join(frappe.db.escape(v, percent=False) for v in values)


def condition(
	doctype: str, user: str | None = None, *, alias: str | None = None, owned: bool = False, depth: int = 0
) -> str | None:
	"""SQL condition on ``alias`` (default: the doctype's table) that holds for the
	records the user may read — or, with ``owned``, that lie in the user's own
	department scope (writes). None: the user is not restricted at all."""
	ctx = context(user)
	scope = SCOPES[doctype]
	wide = ctx.wide_for(scope)
	if wide and ctx.companies is None:
		return None
	table = alias or f"`tab{doctype}`"
	company = None
	if ctx.companies is not None and scope.company:
		company = f"{table}.`{scope.company}` in ({_in(ctx.companies)})"
	if wide and company:
		return company
	either = []
	if not wide:
		departments = ctx.departments_for(scope)
		if departments:
			either += [f"{table}.`{field}` in ({_in(departments)})" for field in scope.departments]
		for field in scope.staff:
			either += _staff_conditions(f"{table}.`{field}`", ctx, departments, owned)
		if not owned:
			for child, field in scope.row_staff:
				rows = _staff_conditions(f"`ds_rows`.`{field}`", ctx, departments, owned)
				if rows:
					either.append(
						f"{table}.`name` in (select `ds_rows`.`parent` from `tab{child}` `ds_rows` where "
						f"`ds_rows`.`parenttype` = {frappe.db.escape(doctype)} and ({' or '.join(rows)}))"
					)
		if not owned:
			if ctx.employees:
				either += [f"{table}.`{field}` in ({_in(ctx.employees)})" for field in scope.people]
			either += [f"{table}.`{field}` = {frappe.db.escape(ctx.user)}" for field in scope.actors]
	for field, target in scope.via:
		inner_alias = f"`ds_scope_{depth + 1}`"
		inner = condition(target, user, alias=inner_alias, owned=owned, depth=depth + 1)
		if inner is None:
			continue
		either.append(
			f"{table}.`{field}` in (select {inner_alias}.`name` from `tab{target}` {inner_alias} where {inner})"
		)
	where = "(" + " or ".join(either) + ")" if either else "(1 = 0)"
	return f"({company} and {where})" if company else where


def _staff_conditions(column: str, ctx: ScopeContext, departments: tuple[str, ...], owned: bool) -> list[str]:
	"""Conditions on an Employee ``column`` of a ``staff`` field or row: it names an
	employee currently in one of ``departments``, or (reading) the user's own employee."""
	out = []
	if departments:
		out.append(
			f"{column} in (select `ds_staff`.`name` from `tabEmployee` `ds_staff` "
			f"where `ds_staff`.`department` in ({_in(departments)}))"
		)
	if ctx.employees and not owned:
		out.append(f"{column} in ({_in(ctx.employees)})")
	return out


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""``permission_query_conditions`` of the scoped doctypes."""
	if doctype not in SCOPES:
		return ""
	return condition(doctype, user) or ""


def child_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""Rows of a scoped record's child table, read through ``parent=``, only for its readers."""
	parent = child_doctypes().get(doctype)
	if not parent:
		return ""
	inner = condition(parent, user, alias="`ds_scope_parent`")
	if inner is None:
		return ""
	table = f"`tab{doctype}`"
	return (
		f"({table}.`parenttype` = {frappe.db.escape(parent)} and {table}.`parent` in "
		f"(select `ds_scope_parent`.`name` from `tab{parent}` `ds_scope_parent` where {inner}))"
	)


def reference_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""Rows of Frappe's doctypes about a scoped record (a file attached to it, its
	versions, comments, assignments, workflow actions…) only for its readers."""
	table = f"`tab{doctype}`"
	per_pair = []
	for doctype_field, name_field in REFERENCES.get(doctype, ()):
		restricted, allowed = [], []
		for scoped in SCOPES:
			inner = condition(scoped, user, alias="`ds_scope_ref`")
			if inner is None:
				continue
			restricted.append(scoped)
			allowed.append(
				f"({table}.`{doctype_field}` = {frappe.db.escape(scoped)} and {table}.`{name_field}` in "
				f"(select `ds_scope_ref`.`name` from `tab{scoped}` `ds_scope_ref` where {inner}))"
			)
		if restricted:
			unrelated = f"ifnull({table}.`{doctype_field}`, '') not in ({_in(restricted)})"
			per_pair.append("(" + " or ".join([unrelated, *allowed]) + ")")
	# a row about several records (an activity log) needs every one of them readable
	return "(" + " and ".join(per_pair) + ")" if per_pair else ""


def matches(doctype: str, name: str, user: str | None = None, owned: bool = False) -> bool:
	"""Whether the stored record satisfies the scope condition."""
	where = condition(doctype, user, owned=owned)
	if where is None:
		return True
	return bool(frappe.db.sql(f"select 1 from `tab{doctype}` where `name` = %s and {where} limit 1", (name,)))


def can_read(doctype: str, name: str | None, user: str | None = None) -> bool:
	"""Read access to one record: role, User Permissions and scope (Frappe's own check)."""
	if not name:
		return False
	user = user or frappe.session.user
	if not frappe.db.exists(doctype, name):
		return False
	return frappe.has_permission(doctype, "read", doc=name, user=user)


def owns(doctype: str, values, user: str | None = None) -> bool:
	"""Whether a record with these values lies in the user's own scope (create/move)."""
	ctx = context(user)
	if ctx.unrestricted:
		return True
	scope = SCOPES[doctype]
	if scope.company and ctx.companies is not None and values.get(scope.company) not in ctx.companies:
		return False
	if ctx.wide_for(scope):
		return True
	departments = ctx.departments_for(scope)
	if not departments and ctx.roles.intersection(scope.reporters):
		departments = ctx.departments
	if any(values.get(field) in departments for field in scope.departments if values.get(field)):
		return True
	if departments and any(
		frappe.db.get_value("Employee", values.get(field), "department") in departments
		for field in scope.staff
		if values.get(field)
	):
		return True
	return any(
		values.get(field) and matches(target, values.get(field), user, owned=True)
		for field, target in scope.via
	)


# --- documents ------------------------------------------------------------------------------
def has_permission(
	doc, ptype: str | None = None, user: str | None = None, debug: bool = False
) -> bool | None:
	"""``has_permission`` of the scoped doctypes (controllers can only deny)."""
	user = user or frappe.session.user
	scope = SCOPES.get(doc.doctype)
	if not scope or context(user).unrestricted:
		return None
	frappe.local.ds_scope_refusal = None
	ptype = ptype or "read"
	stored = None
	if doc.name and not doc.get("__islocal"):
		stored = frappe.db.get_value(doc.doctype, doc.name, ["name", *scope.placement_fields], as_dict=True)
	if not stored:
		if owns(doc.doctype, doc, user):
			return True
		_explain(_("{0} can only be created within your own departments or companies").format(_(doc.doctype)))
		return False
	if not matches(doc.doctype, doc.name, user):
		return False
	if ptype in READ_PTYPES:
		return True
	moved = [f for f in scope.placement_fields if (doc.get(f) or None) != (stored.get(f) or None)]
	if moved and not (matches(doc.doctype, doc.name, user, owned=True) and owns(doc.doctype, doc, user)):
		_explain(
			_("{0} {1} can only be moved by someone whose departments hold it, and only within them").format(
				_(doc.doctype), doc.name
			)
		)
		return False
	return True


def _explain(message: str):
	"""Remember why a write was refused; ``ScopedDocument.raise_no_permission_to`` says it."""
	frappe.local.ds_scope_refusal = message


def reference_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""``has_permission`` of Frappe's doctypes about another record: a row about a
	scoped record needs read access to it (a file: write access to attach)."""
	user = user or frappe.session.user
	if user == "Administrator":
		return None
	for doctype_field, name_field in REFERENCES.get(doc.doctype, ()):
		target, name = doc.get(doctype_field), doc.get(name_field)
		if target not in SCOPES or not name or context(user).unrestricted:
			continue
		if not frappe.db.exists(target, name):
			continue
		needed = "write" if doc.doctype == "File" and ptype in ("create", "write", "delete") else "read"
		if not frappe.has_permission(target, needed, doc=name, user=user):
			return False
	return None


def validate_scoped_links(doc, method=None):
	"""A ``validate`` doc event on every doctype: a user may link a record (or a
	child row, a file, a comment, an assignment) only to scoped records they can
	read — a file only to records they can write. Server code that knowingly acts
	for someone else sets ``ignore_permissions``."""
	user = frappe.session.user
	if user == "Administrator" or doc.flags.ignore_permissions or frappe.flags.in_install:
		return
	if context(user).unrestricted:
		return
	before = doc.get_doc_before_save() if not doc.is_new() else None
	for row in [doc, *doc.get_all_children()]:
		old_row = _old_row(before, row)
		for target, name, field in _scoped_links(row):
			if old_row is not None and _link_value(old_row, field) == name:
				continue
			needed = "write" if row.doctype == "File" else "read"
			if not frappe.has_permission(target, needed, doc=name, user=user):
				frappe.throw(
					_("You cannot link {0} {1}: it is outside your scope").format(
						_(target), frappe.bold(name)
					),
					frappe.PermissionError,
					title=_("Not Permitted"),
				)


def _old_row(before, row):
	if before is None:
		return None
	if row.doctype == before.doctype:
		return before
	for old in before.get_all_children():
		if old.name == row.name:
			return old
	return None


def _link_value(row, field: tuple[str | None, str]):
	return row.get(field[1])


def _scoped_links(row):
	"""(target doctype, name, (doctype field, name field)) of every link of a row to a scoped record."""
	meta = frappe.get_meta(row.doctype)
	for df in meta.get_link_fields():
		if df.options in SCOPES and row.get(df.fieldname):
			yield df.options, row.get(df.fieldname), (None, df.fieldname)
	for df in meta.get_dynamic_link_fields():
		target = row.get(df.options)
		if target in SCOPES and row.get(df.fieldname):
			yield target, row.get(df.fieldname), (df.options, df.fieldname)
	dynamic = {df.fieldname for df in meta.get_dynamic_link_fields()}
	for doctype_field, name_field in REFERENCES.get(row.doctype, ()):
		target = row.get(doctype_field)
		if target in SCOPES and row.get(name_field) and name_field not in dynamic:
			yield target, row.get(name_field), (doctype_field, name_field)


class ScopedDocument:
	"""Mixin of the scoped doctypes' controllers: a refused write says why."""

	def raise_no_permission_to(self, perm_type):
		reason = getattr(frappe.local, "ds_scope_refusal", None)
		frappe.local.ds_scope_refusal = None
		if reason:
			frappe.flags.error_message = reason
			frappe.throw(reason, frappe.PermissionError, title=_("Not Permitted"))
		super().raise_no_permission_to(perm_type)


class ScopedChild:
	"""Mixin of the scoped doctypes' child rows. Frappe checks a child row through its
	parent's ``parent_doc``; a row loaded on its own (``frappe.client.get`` or
	``getdoc`` on a row name) has none, and Frappe then checks the parent *doctype*
	only (``frappe.permissions.has_child_permission``), so any reader of some
	assessment read every row. Here the stored parent is loaded, so the parent
	record's own permission decides."""

	@property
	def parent_doc(self):
		parent = BaseDocument.parent_doc.fget(self)
		if parent is None and self.get("parenttype") and self.get("parent") and not self.get("__islocal"):
			if frappe.db.exists(self.parenttype, self.parent):
				parent = self._parent_doc = frappe.get_doc(self.parenttype, self.parent)
		return parent

	@parent_doc.setter
	def parent_doc(self, value):
		self._parent_doc = value

	@parent_doc.deleter
	def parent_doc(self):
		self._parent_doc = None


# --- link search ----------------------------------------------------------------------------
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
	return frappe.get_list(
		doctype,
		fields=fields,
		filters=filters,
		or_filters=or_filters,
		limit_start=start,
		limit_page_length=page_len,
		order_by="name asc",
		as_list=not as_dict,
	)
