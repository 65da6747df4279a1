frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Risk Levels"] = {
	method: "dual_system.risk_control.dashboard_chart_source.risk_levels.risk_levels.get",
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
