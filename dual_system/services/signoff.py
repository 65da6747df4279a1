"""Sign-off and separation of duties, declared per doctype.

A workflow (which administrators reshape in the desk) sets a status; this
service, called from the controller on every save, records *who acted and
when* from the user who performed the change, and refuses a change that
breaks the declared rules — whatever transitions the workflow offers:

- a step may only follow the statuses it names (reviewed before approved);
- it needs the actors recorded by earlier steps (an analyst before a review);
- its actor must differ from named earlier actors (reviewer ≠ analyst);
- the recorded actor and time fields are the server's: no user sets them
  through the form, ``set_value``, REST or Data Import;
- the status itself changes only through a workflow action.

The hazard ticket declares rectifier ≠ acceptor the same way.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cint, flt, get_datetime, getdate, now_datetime

from dual_system.services.errors import DualSystemValidationError
from dual_system.signoffs import SIGN_OFFS, SignOff, Step


class SignOffError(DualSystemValidationError):
	"""A step was taken by the wrong person or out of order."""


class StatusChangeError(DualSystemValidationError):
	"""The status was changed other than through a workflow action."""


class RecordedFieldError(DualSystemValidationError):
	"""A field the server records was set by hand."""


def apply(doc) -> None:
	"""Check and record the sign-off of ``doc`` (from its controller's ``validate``)."""
	spec = SIGN_OFFS[doc.doctype]
	before = None if doc.is_new() else doc.get_doc_before_save()
	keep_recorded_fields(doc, before, spec)
	previous = before.get(spec.status_field) if before else None
	status = doc.get(spec.status_field)
	if before is None or status == previous:
		if before is None and status not in (None, "", spec.initial):
			frappe.throw(
				_("A new {0} starts as {1}").format(_(doc.doctype), _(spec.initial)),
				exc=StatusChangeError,
				title=_("Not Allowed"),
			)
		return
	if doc.meta.has_field("workflow_state") and before.get("workflow_state") == doc.get("workflow_state"):
		frappe.throw(
			_("The status of {0} changes only through its workflow actions").format(_(doc.doctype)),
			exc=StatusChangeError,
			title=_("Not Allowed"),
		)
	step = spec.step(status)
	if step:
		take(doc, spec, step, previous)


def take(doc, spec: SignOff, step: Step, previous: str | None) -> None:
	user = frappe.session.user
	if step.after and previous not in step.after:
		frappe.throw(
			_("{0} cannot move from {1} to {2}; it must be {3} first").format(
				frappe.bold(doc.name), _(previous or ""), _(step.status), " / ".join(_(s) for s in step.after)
			),
			exc=SignOffError,
			title=_("Out of Order"),
		)
	for field in step.needs:
		if not doc.get(field):
			frappe.throw(
				_("{0} has no {1} yet: it cannot be moved to {2}").format(
					frappe.bold(doc.name), _(spec.role_of(field)), _(step.status)
				),
				exc=SignOffError,
				title=_("Step Missing"),
			)
	for field in step.differs_from:
		if doc.get(field) == user:
			frappe.throw(
				_("The {0} cannot be the {1} ({2}): another user must {3}").format(
					_(step.role), _(spec.role_of(field)), user, _(step.verb)
				),
				exc=SignOffError,
				title=_("Separation of Duties"),
			)
	for field in step.clears:
		doc.set(field, None)
	if step.actor:
		doc.set(step.actor, user)
	if step.at:
		doc.set(step.at, now_datetime())


def keep_recorded_fields(doc, before, spec: SignOff) -> None:
	"""The recorded actors and times are written only by :func:`take`: any other
	value a user sends is refused, through whatever route it came."""
	if doc.flags.ignore_sign_off_fields:
		return
	changed = changed_fields(doc, before, spec.recorded_fields)
	if changed:
		frappe.throw(
			_("{0} is recorded by the system when the step is taken and cannot be set by hand").format(
				", ".join(_(doc.meta.get_label(f)) for f in changed)
			),
			exc=RecordedFieldError,
			title=_("Not Allowed"),
		)


def changed_fields(doc, before, fields) -> list[str]:
	"""The ``fields`` whose value in ``doc`` differs from ``before`` (None: a new document).

	Values are compared by field type: the desk sends dates and times back as the strings
	it was given, while the saved document holds ``datetime`` objects."""
	return [field for field in fields if not same_value(doc, field, before.get(field) if before else None)]


def same_value(doc, field: str, old) -> bool:
	new = doc.get(field) or None
	old = old or None
	if new is None or old is None:
		return new is old
	fieldtype = doc.meta.get_field(field).fieldtype
	if fieldtype == "Datetime":
		return get_datetime(new) == get_datetime(old)
	if fieldtype == "Date":
		return getdate(new) == getdate(old)
	if fieldtype in ("Check", "Int"):
		return cint(new) == cint(old)
	if fieldtype in ("Float", "Currency", "Percent"):
		return flt(new) == flt(old)
	return str(new) == str(old)
