"""Which records follow a department scope, declared once per doctype.

Pure data (no Frappe import): ``hooks.py`` builds its permission hooks from it
and ``dual_system.permissions`` turns each declaration into SQL conditions and
document checks for every read and write path. A new doctype that must follow
the scope adds one entry to :data:`SCOPES` (and its child doctypes to
``children``); every list, form, report, count, child table, attachment,
comment, version and workflow action of it is then covered, and the door
inventory test (tests/test_doors.py) exercises it without new tests.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
	"""How one doctype's records are scoped.

	A department-scoped user reads a record when any of these holds:
	- a ``departments`` field holds a department of the user's subtree;
	- a ``people`` field (Link to Employee) names the user's own employee — the
	  employee's *current* user, so relinking an employee moves the access;
	- an ``actors`` field (Link to User, written only by the server when the
	  user acted, see services.signoff) names the user;
	- the record a ``via`` field links to is readable (scope follows that record:
	  an event follows its risk point wherever the point moves).
	Every user is also held to their companies (ERPNext User Permissions on
	Company) through ``company``.

	Writes are stricter: creating, moving (changing a ``departments``, ``via``
	or ``company`` field) or linking needs the record to lie in the writer's own
	department scope — being named on a record lets a person read and act on it,
	never move it elsewhere.
	"""

	company: str | None = "company"
	departments: tuple[str, ...] = ()
	people: tuple[str, ...] = ()
	actors: tuple[str, ...] = ()
	via: tuple[tuple[str, str], ...] = ()
	children: tuple[str, ...] = ()

	@property
	def placement_fields(self) -> tuple[str, ...]:
		"""Fields whose change moves the record to another scope."""
		return tuple(f for f in (self.company, *self.departments, *(f for f, _dt in self.via)) if f)


RISK_POINT_PEOPLE = (
	"responsible_employee",
	"main_responsible_person",
	"technical_responsible_person",
	"operating_responsible_person",
)

SCOPES: dict[str, Scope] = {
	"Risk Point": Scope(departments=("department",), people=RISK_POINT_PEOPLE),
	"Risk Assessment": Scope(
		via=(("risk_point", "Risk Point"),),
		actors=("analyst", "reviewer", "approver"),
		children=("Risk Assessment Row",),
	),
	"Risk Event": Scope(
		via=(("risk_point", "Risk Point"),),
		departments=("responsible_department",),
		people=("responsible_employee",),
	),
	"Control Measure": Scope(via=(("risk_event", "Risk Event"),)),
}

# Frappe doctypes that hold facts about another record: (doctype field, name field)
# pairs. Their rows about a scoped record are read, listed and counted only by
# readers of that record, and written only by its writers (File) or readers.
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
	"File": (("attached_to_doctype", "attached_to_name"),),
	"Version": (("ref_doctype", "docname"),),
	"Comment": (("reference_doctype", "reference_name"),),
	"ToDo": (("reference_type", "reference_name"),),
	"Communication": (("reference_doctype", "reference_name"),),
	"Workflow Action": (("reference_doctype", "reference_name"),),
	"Activity Log": (
		("reference_doctype", "reference_name"),
		("timeline_doctype", "timeline_name"),
		("link_doctype", "link_name"),
	),
	"Notification Log": (("document_type", "document_name"),),
	"DocShare": (("share_doctype", "share_name"),),
	"Document Follow": (("ref_doctype", "ref_docname"),),
	"Energy Point Log": (("reference_doctype", "reference_name"),),
	"Tag Link": (("document_type", "document_name"),),
	"View Log": (("reference_doctype", "reference_name"),),
	"Access Log": (("export_from", "reference_document"),),
	"Email Queue": (("reference_doctype", "reference_name"),),
	"Communication Link": (("link_doctype", "link_name"),),
}


def child_doctypes() -> dict[str, str]:
	"""child doctype → its scoped parent doctype."""
	return {child: parent for parent, scope in SCOPES.items() for child in scope.children}
