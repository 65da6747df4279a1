// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Hidden-Danger Ledger"] = {
	filters: dual_system.hazard_filters().concat([
		{
			fieldname: "grade",
			label: __("Grade"),
			fieldtype: "Select",
			options: dual_system.options(["General", "Major"]),
		},
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: dual_system.options([
				"Reported",
				"Registered",
				"Invalid",
				"Duplicate",
				"Assigned",
				"Rectifying",
				"Awaiting Acceptance",
				"Closed",
			]),
		},
		{
			fieldname: "limit",
			label: __("Rows"),
			fieldtype: "Select",
			options: [
				{ value: "500", label: __("500 newest") },
				{ value: "All", label: __("All") },
			],
			default: "500",
		},
	]),
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "grade" && data && data.grade_key === "Major") {
			return dual_system.level_pill("Major", value);
		}
		if ((column.fieldname === "photo_before" || column.fieldname === "photo_after") && value) {
			const url = encodeURI(value);
			return `<a href="${url}" target="_blank">${__("Photo")}</a>`;
		}
		return default_formatter(value, row, column, data);
	},
};
