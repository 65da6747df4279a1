"""Sites installed before 0.2: the app's roles may select the ERPNext masters
their records link to (Location, Asset, Designation, Department, Employee)."""

from dual_system.setup.install import grant_master_access


def execute():
	grant_master_access()
