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
	- a ``staff`` field (Link to Employee) names the user's own employee, or an
	  employee whose *current* department lies in the user's subtree (a training
	  record follows its employee when the employee moves);
	- a row of a ``row_staff`` child table names such an employee (a session is
	  read by the people who attended it and by their departments' leads).
	Every user is also held to their companies (ERPNext User Permissions on
	Company) through ``company``.

	Per doctype, ``wide_roles`` see whole companies besides the roles in
	``permissions.COMPANY_WIDE_ROLES`` (HR sees every training record of its
	companies, and nothing more of the risk doctypes, which it has no role
	permission on); ``department_roles``, when given, are the only roles that
	read by department — every other user reads only the records that name
	them (an employee reads its own training records, not its colleagues').

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
	staff: tuple[str, ...] = ()
	row_staff: tuple[tuple[str, str], ...] = ()  # (child doctype, Link to Employee field)
	wide_roles: tuple[str, ...] = ()
	department_roles: tuple[str, ...] | None = None  # None: every department-scoped user
	# roles that may create records in their own departments without reading them by
	# department (an employee reports a hidden danger and reads only what it reported)
	reporters: tuple[str, ...] = ()

	@property
	def placement_fields(self) -> tuple[str, ...]:
		"""Fields whose change moves the record to another scope."""
		return tuple(
			f for f in (self.company, *self.departments, *self.staff, *(f for f, _dt in self.via)) if f
		)


RISK_POINT_PEOPLE = (
	"responsible_employee",
	"main_responsible_person",
	"technical_responsible_person",
	"operating_responsible_person",
)

# Training: HR keeps every employee's training file of its companies; department
# leads see their subtree's; everyone else (an employee, an inspector…) their own.
TRAINING_WIDE_ROLES = ("HR User", "HR Manager")
TRAINING_DEPARTMENT_ROLES = ("Department Safety Lead",)

# Hidden dangers: leads and inspectors read their subtree's tickets; any employee may
# report one in its own departments and reads what it reported.
HAZARD_DEPARTMENT_ROLES = ("Department Safety Lead", "Inspector")
HAZARD_REPORTERS = ("Employee", "Rectification Owner")
INSPECTION_DEPARTMENT_ROLES = ("Department Safety Lead", "Inspector")

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
	"Safety Training Session": Scope(
		departments=("organiser_department",),
		people=("trainer_employee",),
		row_staff=(("Safety Training Attendee", "employee"),),
		children=("Safety Training Attendee",),
		wide_roles=TRAINING_WIDE_ROLES,
		department_roles=TRAINING_DEPARTMENT_ROLES,
	),
	# the owning and the rectifying unit's subtrees (leads and inspectors; an employee reads
	# only what it reported), the finder, the rectification owner and the server-recorded actors
	"Hazard Ticket": Scope(
		departments=("department", "owning_department"),
		people=("finder", "rectification_owner"),
		actors=("finder_user", "registered_by", "assigned_by", "rectified_by", "acceptor", "closed_by"),
		children=("Hazard Ticket Extension",),
		department_roles=HAZARD_DEPARTMENT_ROLES,
		reporters=HAZARD_REPORTERS,
	),
	"Hazard Governance Plan": Scope(via=(("hazard_ticket", "Hazard Ticket"),), actors=("approved_by",)),
	# investigation: the plan's and task's departments read them; the assignee always
	# reads (and answers) its own tasks; plain employees see nothing else
	"Inspection Plan": Scope(
		departments=("department", "assignee_department"),
		people=("assignee",),
		children=("Inspection Plan Item", "Inspection Plan Department"),
		department_roles=INSPECTION_DEPARTMENT_ROLES,
	),
	"Inspection Task": Scope(
		departments=("department",),
		people=("assignee",),
		children=("Inspection Task Item",),
		department_roles=INSPECTION_DEPARTMENT_ROLES,
	),
	"Safety Training Record": Scope(
		staff=("employee",),
		wide_roles=TRAINING_WIDE_ROLES,
		department_roles=TRAINING_DEPARTMENT_ROLES,
	),
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
