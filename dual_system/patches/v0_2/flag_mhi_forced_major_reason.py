"""Sites installed before 0.2: the seeded "MHI" forced-major reason becomes the
default of new rows on major hazard installations (a rule the form used to
apply in the browser only)."""

import frappe

from dual_system.setup.default_data import MHI_FORCED_MAJOR_REASON


def execute():
	if frappe.db.exists("Forced Major Reason", MHI_FORCED_MAJOR_REASON) and not frappe.db.exists(
		"Forced Major Reason", {"default_for_major_hazard_installation": 1}
	):
		frappe.db.set_value(
			"Forced Major Reason", MHI_FORCED_MAJOR_REASON, "default_for_major_hazard_installation", 1
		)
