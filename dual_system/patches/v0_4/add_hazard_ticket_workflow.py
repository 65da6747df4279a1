"""Sites installed before the hazard module get the default Hazard Ticket workflow
(only when the doctype has none)."""

from dual_system.setup.workflows import create_default_workflows


def execute():
	create_default_workflows(doctypes=("Hazard Ticket",))
