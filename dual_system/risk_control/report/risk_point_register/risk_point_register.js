// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Risk Point Register"] = {
	filters: dual_system.register_filters().concat([
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: [
				{ value: "Active", label: __("Active") },
				{ value: "Retired", label: __("Retired") },
			],
			default: "Active",
		},
	]),
	formatter: dual_system.level_formatter,
	tree: false,
};
