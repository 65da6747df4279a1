app_name = "dual_system"
app_title = "Dual System"
app_publisher = "dual_system contributors"
app_description = "Dual prevention mechanism for workplace safety (双重预防机制) on ERPNext"
app_email = "dual-system@example.com"
app_license = "mit"
required_apps = ["frappe/erpnext"]

# Desk assets, and the shared vocabularies handed to them (frappe.boot.dual_system)
app_include_js = "dual_system.bundle.js"
extend_bootinfo = "dual_system.boot.boot_session"
doctype_js = {
	# Employee form: unmet training requirements and the training file (HR)
	"Employee": "public/js/employee.js",
	# Workflow form: an administrator's first edit is saved (see the file)
	"Workflow": "public/js/workflow.js",
}

# Install / migrate / uninstall
after_install = "dual_system.setup.install.after_install"
after_migrate = "dual_system.setup.install.after_migrate"
before_uninstall = "dual_system.setup.install.before_uninstall"
after_uninstall = "dual_system.setup.install.after_uninstall"

# Permissions: department scope on every read and write path, declared per doctype
# in dual_system/scopes.py and enforced by dual_system/permissions.py
from dual_system.scopes import REFERENCES as _REFERENCES
from dual_system.scopes import SCOPES as _SCOPES
from dual_system.scopes import child_doctypes as _child_doctypes

permission_query_conditions = {
	**{doctype: "dual_system.permissions.query_conditions" for doctype in _SCOPES},
	**{doctype: "dual_system.permissions.child_query_conditions" for doctype in _child_doctypes()},
	**{doctype: "dual_system.permissions.reference_query_conditions" for doctype in _REFERENCES},
}
has_permission = {
	**{doctype: "dual_system.permissions.has_permission" for doctype in _SCOPES},
	**{doctype: "dual_system.permissions.reference_has_permission" for doctype in _REFERENCES},
}
standard_queries = {doctype: "dual_system.permissions.scoped_link_query" for doctype in _SCOPES}

# Frappe methods that read or count without the reader's permissions (dual_system/api/overrides.py)
override_whitelisted_methods = {
	"frappe.client.get_count": "dual_system.api.overrides.get_count",
	"frappe.desk.listview.get_group_by_count": "dual_system.api.overrides.get_group_by_count",
	"frappe.client.validate_link": "dual_system.api.overrides.validate_link",
	"frappe.desk.search.get_link_title": "dual_system.api.overrides.get_link_title",
	"frappe.utils.global_search.search": "dual_system.api.overrides.global_search",
	"frappe.www.printview.get_html_and_style": "dual_system.api.overrides.get_html_and_style",
	"frappe.www.printview.get_rendered_raw_commands": "dual_system.api.overrides.get_rendered_raw_commands",
}
before_request = ["dual_system.api.overrides.refuse_linked_field_reads"]
# risk points in the awesome bar's full-text search (results filtered by scope above)
global_search_doctypes = {"Default": [{"doctype": "Risk Point", "index": 30}]}

# Other apps' doctypes whose changes move a user's scope, the link rule for every doctype,
# and the values the workflows of the app's doctypes may write
doc_events = {
	"*": {
		"validate": "dual_system.permissions.validate_scoped_links",
		# an anonymous hidden-danger report: rows Frappe writes about it name nobody
		"before_insert": "dual_system.services.hazard.anonymise_trace",
	},
	"Employee": {
		"on_update": "dual_system.permissions.clear_scope_cache",
		"on_trash": "dual_system.permissions.clear_scope_cache",
	},
	"Department": {
		"on_update": "dual_system.permissions.clear_scope_cache",
		"on_trash": "dual_system.permissions.clear_scope_cache",
	},
	"User": {"on_update": "dual_system.permissions.clear_scope_cache"},
	"User Permission": {
		"on_update": "dual_system.permissions.clear_scope_cache",
		"on_trash": "dual_system.permissions.clear_scope_cache",
	},
	# a state of a workflow for the app's doctypes writes only values the doctype accepts
	"Workflow": {"validate": "dual_system.services.workflow_guard.validate_workflow"},
}

# Fixtures: records that follow the code on every migrate (dual_system/fixtures/). Seeded
# defaults an administrator may edit or delete (masters, workflows, permissions) are
# created on install only (dual_system/setup/install.py).
from dual_system.setup.workflows import WORKFLOW_ACTIONS as _WORKFLOW_ACTIONS
from dual_system.setup.workflows import WORKFLOW_STATES as _WORKFLOW_STATES

fixtures = [
	{"dt": "Workflow State", "filters": [["name", "in", list(_WORKFLOW_STATES)]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", list(_WORKFLOW_ACTIONS)]]},
	{"dt": "Property Setter", "filters": [["name", "in", ["Employee-main-show_title_field_in_link"]]]},
]

# The Employee form lists the employee's safety trainings among its connections
override_doctype_dashboards = {"Employee": "dual_system.api.training.employee_dashboard"}

# Jinja: data of the "Risk Notification Card" and "Rectification Notice" print formats
jinja = {
	"methods": [
		"dual_system.services.card.get_risk_card_context",
		"dual_system.services.notice.get_rectification_notice_context",
	]
}

scheduler_events = {
	"hourly_long": ["dual_system.scheduler.generate_inspection_tasks"],
	"daily": [
		"dual_system.scheduler.send_risk_review_reminders",
		"dual_system.scheduler.send_training_expiry_reminders",
		"dual_system.scheduler.send_hazard_reminders",
	],
}

export_python_type_annotations = True
