"""The training gate: assigning a safety duty to an employee who lacks a valid
required training warns or is refused, naming the missing training.

Which training a duty needs is data: a Safety Training Requirement lists the
gate purposes it is required for (Major Hazard Installation Duty, Hidden Danger
Rectification, Inspection Task — seeded, and an administrator may add more);
whether a gap warns or blocks is the *Training Gate* setting of Dual System
Settings (Off / Warn / Block). Callers name the purpose of the assignment::

    from dual_system.services import training_gate

    training_gate.check(employee, training_gate.INSPECTION_TASK, _("inspection task assignee"))

Warn shows the gap (``frappe.msgprint``) and lets the save go on; Block raises
:class:`TrainingGateError`.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import formatdate

from dual_system.services.errors import TrainingGateError
from dual_system.services.training import employee_gaps

# gate purposes the code names (seeded as Safety Training Gate Purpose records)
MAJOR_HAZARD_DUTY = "Major Hazard Installation Duty"
HIDDEN_DANGER_RECTIFICATION = "Hidden Danger Rectification"
INSPECTION_TASK = "Inspection Task"

OFF, WARN, BLOCK = "Off", "Warn", "Block"


def mode() -> str:
	return frappe.get_cached_doc("Dual System Settings").get("training_gate") or OFF


def gaps(employee: str, purpose: str, today=None) -> list[tuple]:
	"""(requirement, compliance) pairs the employee does not meet for the purpose."""
	if not employee:
		return []
	return employee_gaps(employee, purpose, today)


def describe(requirement, compliance) -> str:
	if compliance.valid_until and compliance.status == "Expired":
		return _("{0} (expired on {1})").format(
			_(requirement.training_type), formatdate(compliance.valid_until)
		)
	return _("{0} ({1})").format(_(requirement.training_type), _(compliance.status))


def check(employee: str, purpose: str, assignment: str | None = None, today=None) -> list[tuple]:
	"""Apply the gate to assigning ``employee`` to a duty of ``purpose``: per the
	setting, nothing, a warning naming the missing training, or a refusal.
	Returns the gaps found (also when the gate is off)."""
	found = gaps(employee, purpose, today)
	current = mode()
	if not found or current == OFF:
		return found
	name = frappe.db.get_value("Employee", employee, "employee_name") or employee
	message = _("{0} lacks the training required for {1}: {2}").format(
		frappe.bold(name),
		assignment or _(purpose),
		", ".join(describe(requirement, compliance) for requirement, compliance in found),
	)
	if current == BLOCK:
		frappe.throw(message, exc=TrainingGateError, title=_("Training Required"))
	frappe.msgprint(message, title=_("Training Required"), indicator="orange")
	return found
