// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Risk Register"] = {
	filters: dual_system.register_filters().concat([
		{
			fieldname: "limit",
			label: __("Rows"),
			fieldtype: "Select",
			options: [
				{ value: "500", label: __("500 most severe") },
				{ value: "2000", label: __("2000 most severe") },
				{ value: "All", label: __("All") },
			],
			default: "500",
		},
		{ fieldname: "risk_point", label: __("Risk Point"), fieldtype: "Link", options: "Risk Point" },
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: [
				{ value: "Active", label: __("Active") },
				{ value: "Archived", label: __("Archived") },
			],
			default: "Active",
		},
	]),
	formatter: dual_system.level_formatter,
	onload(report) {
		// every row, written page by page on the server (dual_system/api/registers.py)
		report.page.add_inner_button(__("Export All (Excel)"), () => {
			const filters = { ...report.get_filter_values(), limit: "All" };
			window.open(
				"/api/method/dual_system.api.registers.export_risk_register?" +
					new URLSearchParams({ filters: JSON.stringify(filters) })
			);
		});
	},
};
