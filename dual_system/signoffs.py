"""Who signs off what, declared per doctype (pure data; see services/signoff.py).

Each step names the status a workflow sets, the User and Datetime fields the
server records from the user who took the step, the statuses it may follow,
the actors it needs and the actors it must differ from.
"""

from __future__ import annotations

from dataclasses import dataclass


def _(message: str) -> str:
	"""Marks a label for extraction; the sign-off service translates it when shown."""
	return message


@dataclass(frozen=True)
class Step:
	status: str
	actor: str | None = None  # User field recorded from the acting user
	at: str | None = None  # Datetime field recorded with it
	role: str = ""  # the actor as a person ("reviewer"), for messages
	verb: str = ""  # what the actor does ("review"), for messages
	after: tuple[str, ...] = ()  # statuses this step may follow (empty: any)
	needs: tuple[str, ...] = ()  # actor fields earlier steps must have recorded
	differs_from: tuple[str, ...] = ()  # recorded actors this step's actor must not be
	clears: tuple[str, ...] = ()  # recorded fields emptied when the step is taken


@dataclass(frozen=True)
class SignOff:
	steps: tuple[Step, ...]
	status_field: str = "status"
	initial: str = "Draft"
	# for the workflows of the doctype (services/workflow_guard.py): the only field a state
	# may set is the status field; ``submitted`` statuses go with doc status 1 and only with
	# it, ``reserved`` ones are set by the app alone
	submitted: tuple[str, ...] = ()
	reserved: tuple[str, ...] = ()

	def step(self, status: str) -> Step | None:
		return next((s for s in self.steps if s.status == status), None)

	@property
	def recorded_fields(self) -> tuple[str, ...]:
		fields = []
		for step in self.steps:
			fields += [f for f in (step.actor, step.at) if f and f not in fields]
		return tuple(fields)

	def role_of(self, field: str) -> str:
		return next((s.role for s in self.steps if s.actor == field), field)


SIGN_OFFS: dict[str, SignOff] = {
	"Risk Assessment": SignOff(
		steps=(
			Step(
				"Pending Review",
				actor="analyst",
				at="analysed_on",
				role=_("analyst"),
				verb=_("submit for review"),
				after=("Draft",),
				clears=("reviewer", "reviewed_on"),
			),
			Step(
				"Pending Approval",
				actor="reviewer",
				at="reviewed_on",
				role=_("reviewer"),
				verb=_("review"),
				after=("Pending Review",),
				needs=("analyst",),
				differs_from=("analyst",),
			),
			Step(
				"Approved",
				actor="approver",
				at="approved_on",
				role=_("approver"),
				verb=_("approve"),
				after=("Pending Approval",),
				needs=("analyst", "reviewer"),
				differs_from=("analyst", "reviewer"),
			),
			Step(
				"Draft",
				actor="last_rejected_by",
				role=_("rejecter"),
				verb=_("reject"),
				after=("Pending Review", "Pending Approval"),
				clears=("analyst", "analysed_on", "reviewer", "reviewed_on"),
			),
		),
		submitted=("Approved",),
		reserved=("Superseded",),  # a revision's approval supersedes the one before
	),
	"Safety Training Session": SignOff(
		initial="Planned",
		steps=(
			Step(
				"Completed",
				actor="completed_by",
				at="completed_on",
				role=_("completer"),
				verb=_("complete"),
				after=("Planned",),
			),
			Step(
				"Cancelled",
				actor="cancelled_by",
				at="cancelled_on",
				role=_("canceller"),
				verb=_("cancel"),
				after=("Planned",),
			),
		),
	),
	# the closed loop of a hidden danger (DOMAIN.md §6.4). Acceptance closes the ticket
	# (accept and close, 验收销号); the acceptor is never the rectifier. A ticket fixed on
	# the spot is closed by its finder from Reported or Registered (services.hazard checks
	# that path, close_on_the_spot); a rejected acceptance or a reopened ticket goes back
	# to Rectifying, clearing the rectifier and acceptor (the versions keep them).
	"Hazard Ticket": SignOff(
		initial="Reported",
		steps=(
			*(
				Step(
					status,
					actor="registered_by",
					at="registered_on",
					role=_("registrar"),
					verb=_("register"),
					after=("Reported",),
				)
				for status in ("Registered", "Invalid", "Duplicate")
			),
			Step(
				"Assigned",
				actor="assigned_by",
				at="assigned_on",
				role=_("issuer"),
				verb=_("assign"),
				after=("Registered",),
				needs=("registered_by",),
			),
			Step(
				"Rectifying",
				after=("Assigned", "Awaiting Acceptance", "Closed"),
				clears=("rectified_by", "acceptor"),
			),
			Step(
				"Awaiting Acceptance",
				actor="rectified_by",
				role=_("rectifier"),
				verb=_("submit for acceptance"),
				after=("Rectifying",),
			),
			Step(
				"Closed",
				actor="acceptor",
				role=_("acceptor"),
				verb=_("accept"),
				after=("Awaiting Acceptance", "Reported", "Registered"),
				differs_from=("rectified_by",),
			),
		),
	),
}
