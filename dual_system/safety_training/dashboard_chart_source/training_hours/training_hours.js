frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Training Hours"] = {
	method: "dual_system.safety_training.dashboard_chart_source.training_hours.training_hours.get",
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
