frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Construction Progress"] = {
	method: "dual_system.dual_system.dashboard_chart_source.construction_progress.construction_progress.get",
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
