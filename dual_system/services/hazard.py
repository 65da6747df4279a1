"""Hazard tickets (隐患) and governance plans: the closed loop's rules (placeholder)."""


def validate_plan(plan):
	pass


def approve_plan(plan):
	pass


def link_plan(plan):
	pass


def unlink_plan(plan):
	pass
