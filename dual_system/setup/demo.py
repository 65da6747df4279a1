"""Demo data for the demo site (DOMAIN.md §9)."""


def load_demo_data():
	pass
