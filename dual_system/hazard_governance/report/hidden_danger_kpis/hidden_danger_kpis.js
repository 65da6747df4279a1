// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Hidden-Danger KPIs"] = {
	filters: dual_system.hazard_filters().concat([
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: dual_system.options(["Period", "Department", "Rectification Owner", "包保 Type"], false),
			default: "Period",
		},
		{
			fieldname: "period",
			label: __("Period"),
			fieldtype: "Select",
			options: dual_system.options(["Month", "Quarter", "Year"], false),
			default: "Quarter",
			depends_on: "eval:doc.group_by=='Period'",
		},
		{ fieldname: "as_of", label: __("As of"), fieldtype: "Date", default: frappe.datetime.get_today() },
	]),
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		return data && data.bold ? `<b>${html}</b>` : html;
	},
};
