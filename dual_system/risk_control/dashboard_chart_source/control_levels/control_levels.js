frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Control Levels"] = {
	method: "dual_system.risk_control.dashboard_chart_source.control_levels.control_levels.get",
	filters: [
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
		},
	],
};
