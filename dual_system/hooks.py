app_name = "dual_system"
app_title = "Dual System"
app_publisher = "dual_system contributors"
app_description = "Dual prevention mechanism for workplace safety (双重预防机制) on ERPNext"
app_email = "dual-system@example.com"
app_license = "mit"
required_apps = ["frappe/erpnext"]

# Desk assets
app_include_js = "dual_system.bundle.js"
# Workflow form: an administrator's first edit is saved (see the file)
doctype_js = {"Workflow": "public/js/workflow.js"}

# Install / migrate / uninstall
after_install = "dual_system.setup.install.after_install"
after_migrate = "dual_system.setup.install.after_migrate"
before_uninstall = "dual_system.setup.install.before_uninstall"
after_uninstall = "dual_system.setup.install.after_uninstall"

# Permissions: department scope on every read path (dual_system/permissions.py)
_SCOPED = ["Risk Point", "Risk Assessment", "Risk Event", "Control Measure"]
permission_query_conditions = {doctype: "dual_system.permissions.query_conditions" for doctype in _SCOPED}
has_permission = {doctype: "dual_system.permissions.has_permission" for doctype in _SCOPED}
standard_queries = {doctype: "dual_system.permissions.scoped_link_query" for doctype in _SCOPED}
override_whitelisted_methods = {"frappe.client.get_count": "dual_system.api.overrides.get_count"}

# Other apps' doctypes: changes that move a user's department scope; workflows of the app's doctypes
doc_events = {
	"Employee": {
		"on_update": "dual_system.permissions.clear_scope_cache",
		"on_trash": "dual_system.permissions.clear_scope_cache",
	},
	"Department": {"on_update": "dual_system.permissions.clear_scope_cache"},
	# a state of a workflow for the app's doctypes writes only values the doctype accepts
	"Workflow": {"validate": "dual_system.services.workflow_guard.validate_workflow"},
}

# Jinja: data of the "Risk Notification Card" print format
jinja = {"methods": ["dual_system.services.card.get_risk_card_context"]}

scheduler_events = {
	"daily": [
		"dual_system.scheduler.send_risk_review_reminders",
	],
}

export_python_type_annotations = True
