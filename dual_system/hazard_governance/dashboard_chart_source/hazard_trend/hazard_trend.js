frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Hazard Trend"] = {
	method: "dual_system.hazard_governance.dashboard_chart_source.hazard_trend.hazard_trend.get",
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
