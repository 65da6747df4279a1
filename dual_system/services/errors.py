"""Turn the pure core's errors into translated Frappe errors."""

import frappe
from frappe import _


class DualSystemValidationError(frappe.ValidationError):
	"""Base of the app's validation errors."""


class InvalidRiskEvaluation(DualSystemValidationError):
	pass


class InvalidMethodDefinition(DualSystemValidationError):
	pass


class ControlLevelError(DualSystemValidationError):
	pass


def translate_args(args) -> list[str]:
	"""Translate each argument; a list becomes its translated items joined by commas."""
	out = []
	for arg in args:
		if isinstance(arg, list | tuple):
			out.append(", ".join(_(str(a)) for a in arg))
		else:
			out.append(_(str(arg)))
	return out


def core_message(error, prefix: str | None = None) -> str:
	"""The translated text of a core error (``template`` + ``args_``)."""
	message = _(error.template).format(*translate_args(error.args_))
	return f"{prefix}: {message}" if prefix else message


def throw_core_error(
	error, exc=DualSystemValidationError, prefix: str | None = None, title: str | None = None
):
	frappe.throw(core_message(error, prefix), exc=exc, title=title)


# --- training (DOMAIN.md §7) -------------------------------------------------------------------
class TrainingAttendeeError(DualSystemValidationError):
	"""An attendee who is not an active employee of the company, or listed twice."""


class TrainingScoreError(DualSystemValidationError):
	"""A score outside 0–100."""


class TrainingHoursError(DualSystemValidationError):
	"""Training hours that are not more than 0."""


class TrainingAttendanceError(DualSystemValidationError):
	"""A session completed with attendance left unmarked."""


class TrainingSessionError(DualSystemValidationError):
	"""A session changed in a state that does not allow it."""


class TrainingRecordError(DualSystemValidationError):
	"""A training record changed other than through its session."""


class TrainingRequirementError(DualSystemValidationError):
	"""A requirement without validity, or whose target does not fit."""


class TrainingGateError(DualSystemValidationError):
	"""An assignment refused because the employee lacks a required training."""


class LeadingGroupError(DualSystemValidationError):
	pass


class ConstructionPlanError(DualSystemValidationError):
	pass
