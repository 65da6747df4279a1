app_name = "dual_system"
app_title = "Dual System"
app_publisher = "dual_system contributors"
app_description = "Dual prevention mechanism for workplace safety (双重预防机制) on ERPNext"
app_email = "dual-system@example.com"
app_license = "mit"
required_apps = ["frappe/erpnext"]

# Install / migrate / uninstall
after_install = "dual_system.setup.install.after_install"
after_migrate = "dual_system.setup.install.after_migrate"
before_uninstall = "dual_system.setup.install.before_uninstall"
after_uninstall = "dual_system.setup.install.after_uninstall"

export_python_type_annotations = True
