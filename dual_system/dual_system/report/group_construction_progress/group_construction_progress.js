// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Group Construction Progress"] = {
	filters: [
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			reqd: 1,
			default: frappe.defaults.get_user_default("Company"),
		},
		{ fieldname: "date", label: __("As of"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
	tree: true,
	name_field: "company",
	parent_field: "parent_company",
	initial_depth: 3,
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "plan" && data && data.plan) {
			return `<a href="/app/dual-system-construction-plan/${encodeURIComponent(data.plan)}">${frappe.utils.escape_html(data.plan)}</a>`;
		}
		const html = default_formatter(value, row, column, data);
		if (data && data.is_group && column.fieldname === "company") return `<b>${html}</b>`;
		if (column.fieldname === "overdue" && data && data.overdue) return `<span class="text-danger">${html}</span>`;
		return html;
	},
};
