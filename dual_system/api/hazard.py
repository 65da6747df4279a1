"""Whitelisted endpoints of hazard tickets (each checks the caller's permission on the ticket)."""

import frappe

from dual_system.services import hazard


@frappe.whitelist(methods=["POST"])
def close_on_the_spot(ticket: str, photo_after: str | None = None, note: str | None = None) -> str:
	"""The finder closes a hidden danger fixed at once, with the after-photo."""
	return hazard.close_on_the_spot(ticket, photo_after, note)


@frappe.whitelist(methods=["POST"])
def request_extension(ticket: str, reason: str, new_deadline: str) -> str:
	return hazard.request_extension(ticket, reason, new_deadline)


@frappe.whitelist(methods=["POST"])
def decide_extension(ticket: str, row: str, approve: int = 1) -> str:
	return hazard.decide_extension(ticket, row, approve)


@frappe.whitelist()
def budget_status(ticket: str) -> dict:
	"""The ticket's funds against its cost centre's budget for the fiscal year."""
	return hazard.budget_status(ticket)
