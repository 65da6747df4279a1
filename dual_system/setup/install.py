"""Install, migrate and uninstall steps. Every step is idempotent: it checks before it writes."""

import frappe


def after_install():
	run_install_steps()


def after_migrate():
	run_install_steps()


def run_install_steps():
	for step in INSTALL_STEPS:
		step()
	frappe.db.commit()


def before_uninstall():
	for step in UNINSTALL_STEPS:
		step()


INSTALL_STEPS: list = []
UNINSTALL_STEPS: list = []
