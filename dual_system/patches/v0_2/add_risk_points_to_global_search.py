"""Sites installed before 0.2: risk points become searchable in the awesome bar."""

from dual_system.setup.install import add_to_global_search


def execute():
	add_to_global_search()
