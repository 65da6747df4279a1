"""Install, migrate and uninstall steps.

Each step is a small function that checks before it writes, so running a list
twice changes nothing. Master data is seeded on install only: a record an
administrator deleted does not come back on migrate (later changes to the
defaults ship as patches).
"""

import frappe

from dual_system.setup import default_data as data
from dual_system.setup.workflows import create_default_workflows, delete_app_workflows


def after_install():
	run_steps(INSTALL_STEPS)


def after_migrate():
	run_steps(MIGRATE_STEPS)


def before_uninstall():
	run_steps(BEFORE_UNINSTALL_STEPS)


def after_uninstall():
	run_steps(AFTER_UNINSTALL_STEPS)


def run_steps(steps):
	for step in steps:
		step()
	frappe.db.commit()


# --- roles -------------------------------------------------------------------------
def create_roles():
	for role, desk_access in data.ROLES:
		if not frappe.db.exists("Role", role):
			frappe.get_doc({"doctype": "Role", "role_name": role, "desk_access": desk_access}).insert(
				ignore_permissions=True
			)


def delete_roles():
	for role, _desk in data.ROLES:
		if frappe.db.exists("Role", role):
			frappe.db.delete("Has Role", {"role": role})
			frappe.delete_doc("Role", role, ignore_permissions=True, force=True)


# --- masters -----------------------------------------------------------------------
def seed_evaluation_methods():
	for spec in data.EVALUATION_METHODS:
		if frappe.db.exists("Risk Evaluation Method", spec["method_code"]):
			continue
		doc = frappe.get_doc(
			{
				"doctype": "Risk Evaluation Method",
				"method_code": spec["method_code"],
				"method_name": spec["method_name"],
				"score_symbol": spec["score_symbol"],
				"description": spec["description"],
				"factors": [
					{"factor_code": f["factor_code"], "factor_name": f["factor_name"]}
					for f in spec["factors"]
				],
				"factor_values": [
					{"factor_code": f["factor_code"], **v} for f in spec["factors"] for v in f["values"]
				],
				"bands": spec["bands"],
			}
		)
		doc.insert(ignore_permissions=True)


def seed_accident_types():
	for code, name in data.ACCIDENT_TYPES:
		if frappe.db.exists("Accident Type", {"standard_version": data.ACCIDENT_TYPE_STANDARD, "code": code}):
			continue
		frappe.get_doc(
			{
				"doctype": "Accident Type",
				"standard_version": data.ACCIDENT_TYPE_STANDARD,
				"code": code,
				"accident_type_name": name,
			}
		).insert(ignore_permissions=True)


def seed_hazard_factor_categories():
	parents = {parent for _c, _n, parent in data.HAZARD_FACTOR_CATEGORIES if parent}
	for code, name, parent in data.HAZARD_FACTOR_CATEGORIES:
		if frappe.db.exists("Hazard Factor Category", code):
			continue
		frappe.get_doc(
			{
				"doctype": "Hazard Factor Category",
				"code": code,
				"category_name": name,
				"standard_version": data.HAZARD_FACTOR_STANDARD,
				"parent_hazard_factor_category": parent,
				"is_group": 1 if code in parents else 0,
			}
		).insert(ignore_permissions=True)


def seed_forced_major_reasons():
	for code, reason, description in data.FORCED_MAJOR_REASONS:
		if frappe.db.exists("Forced Major Reason", code):
			continue
		frappe.get_doc(
			{
				"doctype": "Forced Major Reason",
				"reason_code": code,
				"reason": reason,
				"description": description,
				"default_for_major_hazard_installation": int(code == data.MHI_FORCED_MAJOR_REASON),
			}
		).insert(ignore_permissions=True)


def seed_major_hidden_danger_criteria():
	standard = data.MAJOR_HIDDEN_DANGER_STANDARD
	for item_no, criterion in enumerate(data.MAJOR_HIDDEN_DANGER_CRITERIA, start=1):
		if frappe.db.exists(
			"Major Hidden Danger Criterion", {"standard_code": standard["standard_code"], "item_no": item_no}
		):
			continue
		frappe.get_doc(
			{
				"doctype": "Major Hidden Danger Criterion",
				**standard,
				"item_no": item_no,
				"criterion": criterion,
			}
		).insert(ignore_permissions=True)


# --- access to ERPNext masters ------------------------------------------------------
def grant_master_access():
	"""Let the app's roles pick ERPNext masters in link fields and see them in
	reports: Frappe drops a report's rows (403) when the reader may not select a
	linked doctype. Custom DocPerm rules an administrator can change later."""
	from frappe.permissions import add_permission, update_permission_property

	for doctype, ptype in data.MASTER_ACCESS.items():
		for role, _desk in data.ROLES:
			rule = frappe.db.get_value(
				"Custom DocPerm", {"parent": doctype, "role": role, "permlevel": 0, "if_owner": 0}
			)
			if not rule:
				add_permission(doctype, role, 0, ptype)
			elif not frappe.db.get_value("Custom DocPerm", rule, ptype):
				update_permission_property(doctype, role, 0, ptype, 1)


def revoke_master_access():
	roles = [role for role, _desk in data.ROLES]
	frappe.db.delete("Custom DocPerm", {"parent": ("in", list(data.MASTER_ACCESS)), "role": ("in", roles)})
	frappe.clear_cache()


def seed_training_types():
	for name, category, level, description in data.TRAINING_TYPES:
		if frappe.db.exists("Safety Training Type", name):
			continue
		frappe.get_doc(
			{
				"doctype": "Safety Training Type",
				"training_type_name": name,
				"category": category,
				"induction_level": level,
				"description": description,
			}
		).insert(ignore_permissions=True)


def seed_gate_purposes():
	for name, description in data.GATE_PURPOSES:
		if frappe.db.exists("Safety Training Gate Purpose", name):
			continue
		frappe.get_doc(
			{"doctype": "Safety Training Gate Purpose", "purpose_name": name, "description": description}
		).insert(ignore_permissions=True)


def seed_investigation_types():
	for name, source_code, description, cycles in data.INVESTIGATION_TYPES:
		if frappe.db.exists("Investigation Type", name):
			continue
		frappe.get_doc(
			{
				"doctype": "Investigation Type",
				"type_name": name,
				"hazard_source_code": source_code,
				"description": description,
				"cycles": [
					{"organisational_level": level, "cycle_interval": n, "cycle_unit": unit, "note": note}
					for level, n, unit, note in cycles
				],
			}
		).insert(ignore_permissions=True)


def apply_vocabulary_colours():
	"""Number cards and charts take their colours from the shared vocabulary
	(core/vocabulary.py), not from their JSON."""
	from dual_system.core.vocabulary import CHART_COLOURS, NUMBER_CARD_COLOURS

	for card, colour in NUMBER_CARD_COLOURS.items():
		if frappe.db.exists("Number Card", card):
			frappe.db.set_value("Number Card", card, "color", colour, update_modified=False)
	for chart, colours in CHART_COLOURS.items():
		if frappe.db.exists("Dashboard Chart", chart):
			options = frappe.parse_json(
				frappe.db.get_value("Dashboard Chart", chart, "custom_options") or "{}"
			)
			options["colors"] = colours
			frappe.db.set_value(
				"Dashboard Chart",
				chart,
				"custom_options",
				frappe.as_json(options, indent=None),
				update_modified=False,
			)


def add_to_global_search():
	"""Risk points in the awesome bar's full-text search (hooks.global_search_doctypes);
	Frappe reads that hook only in the setup wizard, so a site set up before the app
	was installed gets the doctype here. An administrator may remove it again."""
	from frappe.utils.global_search import rebuild_for_doctype

	settings = frappe.get_single("Global Search Settings")
	listed = {row.document_type for row in settings.allowed_in_global_search}
	if "Risk Point" in listed:
		return
	settings.append("allowed_in_global_search", {"document_type": "Risk Point"})
	settings.save(ignore_permissions=True)
	frappe.cache.hdel("global_search", "search_priorities")
	rebuild_for_doctype("Risk Point")


def remove_from_global_search():
	frappe.db.delete("Global Search DocType", {"document_type": "Risk Point"})
	frappe.db.delete("__global_search", {"doctype": "Risk Point"})
	frappe.cache.hdel("global_search", "search_priorities")


def set_default_evaluation_method():
	"""The settings link to LEC once LEC exists (Frappe saves the singles' other
	defaults itself right after syncing the doctypes)."""
	if frappe.db.get_single_value("Dual System Settings", "default_evaluation_method"):
		return
	if frappe.db.exists("Risk Evaluation Method", "LEC"):
		frappe.db.set_single_value("Dual System Settings", "default_evaluation_method", "LEC")


INSTALL_STEPS = [
	create_roles,
	seed_evaluation_methods,
	seed_accident_types,
	seed_hazard_factor_categories,
	seed_forced_major_reasons,
	seed_major_hidden_danger_criteria,
	seed_training_types,
	seed_gate_purposes,
	seed_investigation_types,
	set_default_evaluation_method,
	grant_master_access,
	apply_vocabulary_colours,
	add_to_global_search,
	create_default_workflows,
]
MIGRATE_STEPS = [
	create_roles,
	apply_vocabulary_colours,
]
# workflows and custom fields reference the app's doctypes: remove them first
BEFORE_UNINSTALL_STEPS = [
	delete_app_workflows,
	revoke_master_access,
	remove_from_global_search,
]
# roles are referenced by the doctypes' permissions until those are dropped
AFTER_UNINSTALL_STEPS = [
	delete_roles,
]
