// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Employee Training History"] = {
	filters: [
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
		},
		{ fieldname: "department", label: __("Department"), fieldtype: "Link", options: "Department" },
		{ fieldname: "employee", label: __("Employee"), fieldtype: "Link", options: "Employee" },
		{
			fieldname: "training_type",
			label: __("Training Type"),
			fieldtype: "Link",
			options: "Safety Training Type",
		},
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
		{
			fieldname: "view",
			label: __("View"),
			fieldtype: "Select",
			options: [
				{ value: "Training Records", label: __("Training Records") },
				{ value: "Hours by Year and Type", label: __("Hours by Year and Type") },
			],
			default: "Training Records",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "session" && data && data.session) {
			return `<a href="/app/safety-training-session/${encodeURIComponent(data.session)}">${frappe.utils.escape_html(data.session)}</a>`;
		}
		if (column.fieldname === "name" && data && data.name) {
			return `<a href="/app/safety-training-record/${encodeURIComponent(data.name)}">${frappe.utils.escape_html(data.name)}</a>`;
		}
		const html = default_formatter(value, row, column, data);
		if (column.fieldname === "result" && data && data.result_key === "Not Passed") {
			return `<span class="text-danger">${html}</span>`;
		}
		return html;
	},
};
