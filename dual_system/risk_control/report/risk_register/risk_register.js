// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Risk Register"] = {
	filters: dual_system.register_filters().concat([
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
};
