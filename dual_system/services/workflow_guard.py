"""Refuse, when a Workflow is saved, a state that would write a value its document type
does not accept (hooks.doc_events["Workflow"]["validate"]).

Frappe applies a state's ``update_field`` / ``update_value`` only when a user takes an
action, so without this check a mistyped status is saved silently and refused later, in
front of the person who acts. Allowed values are read from the doctype's meta (the
options of a Select field). A doctype with a sign-off declaration (``signoffs.py``) is
stricter: a state may set only its status field, never a ``reserved`` status, and a
``submitted`` status exactly when the state's doc status is 1.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.model import no_value_fields
from frappe.utils import cint

from dual_system.services.errors import DualSystemValidationError
from dual_system.signoffs import SIGN_OFFS

DOC_STATUS_LABELS = {0: "Draft", 1: "Submitted", 2: "Cancelled"}


class WorkflowStateValueError(DualSystemValidationError):
	"""A workflow state sets a field or value its document type does not accept."""


def is_app_doctype(doctype: str) -> bool:
	module = frappe.db.get_value("DocType", doctype, "module")
	return bool(module) and frappe.db.get_value("Module Def", module, "app_name") == "dual_system"


def settable_fields(doctype: str) -> list[str] | None:
	"""Fields a workflow state may set on the doctype; None when any value field may be set."""
	spec = SIGN_OFFS.get(doctype)
	return [spec.status_field] if spec else None


def allowed_values(doctype: str, fieldname: str) -> list[str] | None:
	"""Values a state may write into a Select field, in the field's order; None for other fields."""
	df = frappe.get_meta(doctype).get_field(fieldname)
	if not df or df.fieldtype != "Select":
		return None
	spec = SIGN_OFFS.get(doctype)
	reserved = spec.reserved if spec and spec.status_field == fieldname else ()
	return [option for option in (df.options or "").split("\n") if option and option not in reserved]


def submitted_values(doctype: str, fieldname: str) -> tuple[str, ...]:
	spec = SIGN_OFFS.get(doctype)
	return spec.submitted if spec and spec.status_field == fieldname else ()


def validate_workflow(doc, method=None):
	"""doc_events hook: check every state of a Workflow for one of the app's doctypes."""
	if not doc.document_type or not is_app_doctype(doc.document_type):
		return
	for state in doc.states:
		if state.update_field:
			validate_state(doc, state)


def validate_state(workflow, state):
	doctype = workflow.document_type
	meta = frappe.get_meta(doctype)
	df = meta.get_field(state.update_field)
	fields = settable_fields(doctype)
	if not df or df.fieldtype in no_value_fields or (fields is not None and state.update_field not in fields):
		refuse(
			_(
				"Workflow {0}: state {1} sets {2}, which a workflow may not set on {3}. Fields a state may set: {4}"
			),
			workflow,
			state,
			frappe.bold(state.update_field),
			_(doctype),
			", ".join(fields or [f.fieldname for f in meta.fields if f.fieldtype not in no_value_fields]),
		)
	value = state.update_value or ""
	values = allowed_values(doctype, state.update_field)
	if values is not None and value not in values:
		refuse(
			_("Workflow {0}: state {1} sets {2} to {3}, which {4} does not accept. Allowed values: {5}"),
			workflow,
			state,
			frappe.bold(_(df.label)),
			frappe.bold(value or _("(empty)")),
			_(doctype),
			", ".join(values),
		)
	submitted = submitted_values(doctype, state.update_field)
	needed = 1 if value in submitted else 0
	doc_status = cint(state.doc_status)
	if submitted and doc_status in (0, 1) and doc_status != needed:
		refuse(
			_(
				"Workflow {0}: state {1} sets {2} to {3} with document status {4}; {3} goes with document status {5}"
			),
			workflow,
			state,
			frappe.bold(_(df.label)),
			frappe.bold(value),
			f"{doc_status} ({_(DOC_STATUS_LABELS[doc_status])})",
			f"{needed} ({_(DOC_STATUS_LABELS[needed])})",
		)


def refuse(message: str, workflow, state, *args):
	"""Throw a translated message whose first two placeholders name the workflow and the state."""
	frappe.throw(
		message.format(frappe.bold(workflow.name), frappe.bold(_(state.state)), *args),
		exc=WorkflowStateValueError,
		title=_("Workflow Not Saved"),
	)
