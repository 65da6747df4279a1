"""Sites installed before 0.4 get the investigation types (only when absent)."""

from dual_system.setup.install import seed_investigation_types


def execute():
	seed_investigation_types()
