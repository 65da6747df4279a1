"""Install, migrate, uninstall and reinstall on a throwaway site."""

import json

import pytest

pytestmark = pytest.mark.destructive


def counts(site) -> dict:
	return json.loads(
		site.python(
			"""
print(json.dumps({dt: frappe.db.count(dt) for dt in [
    "Risk Evaluation Method", "Accident Type", "Hazard Factor Category",
    "Forced Major Reason", "Major Hidden Danger Criterion", "Safety Training Type",
    "Safety Training Gate Purpose"]}))
"""
		)
	)


def test_install_seeds_masters(throwaway_site):
	assert counts(throwaway_site) == {
		"Risk Evaluation Method": 3,
		"Accident Type": 20,
		"Hazard Factor Category": 19,
		"Forced Major Reason": 5,
		"Major Hidden Danger Criterion": 20,
		"Safety Training Type": 9,
		"Safety Training Gate Purpose": 3,
	}


def test_install_creates_the_training_session_workflow(throwaway_site):
	workflow = json.loads(
		throwaway_site.python(
			"""
doc = frappe.get_doc("Workflow", {"document_type": "Safety Training Session"})
print(json.dumps({"active": doc.is_active, "states": sorted({s.state for s in doc.states}),
    "actions": sorted({t.action for t in doc.transitions})}))
"""
		)
	)
	assert workflow == {
		"active": 1,
		"states": ["Cancelled", "Completed", "Planned"],
		"actions": ["Cancel Session", "Complete"],
	}


def test_the_training_patch_gives_an_older_site_the_module_seed(throwaway_site):
	"""A site installed before the training module: its patch seeds the types, the gate
	purposes and the session workflow, and leaves the risk workflow alone."""
	result = json.loads(
		throwaway_site.python(
			"""
frappe.db.delete("Safety Training Type")
frappe.db.delete("Safety Training Gate Purpose")
for name in frappe.get_all("Workflow", {"document_type": "Safety Training Session"}, pluck="name"):
    frappe.delete_doc("Workflow", name, force=True)
risk = frappe.db.get_value("Workflow", {"document_type": "Risk Assessment"}, "modified")
frappe.get_attr("dual_system.patches.v0_3.add_safety_training.execute")()
frappe.db.commit()
print(json.dumps({"types": frappe.db.count("Safety Training Type"),
    "purposes": frappe.db.count("Safety Training Gate Purpose"),
    "workflow": bool(frappe.db.exists("Workflow", {"document_type": "Safety Training Session"})),
    "risk_unchanged": str(frappe.db.get_value("Workflow", {"document_type": "Risk Assessment"}, "modified")) == str(risk)}))
"""
		)
	)
	assert result == {"types": 9, "purposes": 3, "workflow": True, "risk_unchanged": True}


def test_install_creates_the_hazard_ticket_workflow(throwaway_site):
	workflow = json.loads(
		throwaway_site.python(
			"""
doc = frappe.get_doc("Workflow", {"document_type": "Hazard Ticket"})
print(json.dumps({"active": doc.is_active, "states": sorted({s.state for s in doc.states}),
    "actions": sorted({t.action for t in doc.transitions})}))
"""
		)
	)
	assert workflow == {
		"active": 1,
		"states": sorted(
			[
				"Reported",
				"Registered",
				"Invalid",
				"Duplicate",
				"Assigned",
				"Rectifying",
				"Awaiting Acceptance",
				"Closed",
			]
		),
		"actions": sorted(
			[
				"Register",
				"Mark Invalid",
				"Mark Duplicate",
				"Close on the Spot",
				"Assign",
				"Start Rectification",
				"Submit for Acceptance",
				"Accept",
				"Reject",
				"Reopen",
			]
		),
	}


def test_the_hazard_workflow_is_created_only_when_absent(throwaway_site):
	"""An administrator's edit of the hazard workflow survives the patch and migrate;
	a site without one gets it back from the patch."""
	result = json.loads(
		throwaway_site.python(
			"""
name = frappe.db.get_value("Workflow", {"document_type": "Hazard Ticket"}, "name")
frappe.db.set_value("Workflow", name, "send_email_alert", 1)
frappe.get_attr("dual_system.patches.v0_4.add_hazard_ticket_workflow.execute")()
kept = frappe.db.get_value("Workflow", name, "send_email_alert")
count = frappe.db.count("Workflow", {"document_type": "Hazard Ticket"})
frappe.delete_doc("Workflow", name, force=True)
frappe.get_attr("dual_system.patches.v0_4.add_hazard_ticket_workflow.execute")()
recreated = frappe.db.count("Workflow", {"document_type": "Hazard Ticket"})
frappe.db.set_value("Workflow", {"document_type": "Hazard Ticket"}, "send_email_alert", 0)
frappe.db.commit()
print(json.dumps({"kept": kept, "count": count, "recreated": recreated}))
"""
		)
	)
	assert result == {"kept": 1, "count": 1, "recreated": 1}


def test_migrate_runs_clean_and_keeps_a_deleted_default_deleted(throwaway_site):
	throwaway_site.python(
		"""
frappe.delete_doc("Accident Type", "GB6441-1986-20")
frappe.db.commit()
"""
	)
	result = throwaway_site.site("migrate", "--skip-search-index")
	assert "Traceback" not in result.stdout + result.stderr
	assert counts(throwaway_site)["Accident Type"] == 19


def test_uninstall_removes_doctypes_custom_fields_workflows_and_roles(throwaway_site):
	throwaway_site.site("uninstall-app", "dual_system", "--yes", "--no-backup")
	left = json.loads(
		throwaway_site.python(
			"""
print(json.dumps({
    "apps": frappe.get_installed_apps(),
    "doctypes": frappe.get_all("DocType", {"module": ("in", ["Dual System", "Risk Control", "Hazard Governance", "Safety Training"])}, pluck="name"),
    "tables": [t for t in frappe.db.get_tables() if t in ("tabRisk Evaluation Method", "tabAccident Type", "tabRisk Point")],
    "modules": frappe.get_all("Module Def", {"app_name": "dual_system"}, pluck="name"),
    "custom_fields": frappe.get_all("Custom Field", {"module": ("in", ["Dual System", "Risk Control", "Hazard Governance", "Safety Training"])}, pluck="name"),
    "workflows": frappe.get_all("Workflow", {"document_type": ("in", ["Risk Assessment", "Hazard Ticket", "Safety Training Session"])}, pluck="name"),
    "roles": frappe.get_all("Role", {"name": ("in", ["Safety Manager", "Safety Officer", "Department Safety Lead"])}, pluck="name"),
}))
"""
		)
	)
	assert "dual_system" not in left["apps"]
	assert left["doctypes"] == [] and left["tables"] == [] and left["modules"] == []
	assert left["custom_fields"] == [] and left["workflows"] == [] and left["roles"] == []


def test_reinstall_after_uninstall_works(throwaway_site):
	throwaway_site.site("install-app", "dual_system")
	assert counts(throwaway_site)["Accident Type"] == 20
