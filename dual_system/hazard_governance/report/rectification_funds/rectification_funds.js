// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Rectification Funds"] = {
	filters: dual_system.hazard_filters().concat([
		{
			fieldname: "period",
			label: __("Period"),
			fieldtype: "Select",
			options: dual_system.options(["Month", "Quarter", "Year"], false),
			default: "Quarter",
		},
	]),
};
