// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Safety Training Compliance"] = {
	filters: [
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			reqd: 1,
			default: frappe.defaults.get_user_default("Company"),
		},
		{ fieldname: "department", label: __("Department"), fieldtype: "Link", options: "Department" },
		{
			fieldname: "training_type",
			label: __("Training Type"),
			fieldtype: "Link",
			options: "Safety Training Type",
		},
		{
			fieldname: "four_hundred_percent",
			label: __("Shandong Four 100% Figure"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "Principals and Safety Managers Assessed", label: __("Principals and Safety Managers Assessed") },
				{ value: "Special Operations Workers Certified", label: __("Special Operations Workers Certified") },
				{ value: "All Staff Trained", label: __("All Staff Trained") },
				{ value: "Key Hazardous Work Trained", label: __("Key Hazardous Work Trained") },
			],
		},
		{ fieldname: "date", label: __("As of"), fieldtype: "Date", default: frappe.datetime.get_today() },
		{ fieldname: "due_only", label: __("Only Due Trainings"), fieldtype: "Check" },
		{ fieldname: "induction_only", label: __("Only Incomplete Induction"), fieldtype: "Check" },
	],
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		if (!data) return html;
		const key = data[`${column.fieldname}_key`];
		const colours = { OK: "green", Expiring: "orange", Expired: "red", Missing: "red", Incomplete: "orange", Complete: "green" };
		if (key && colours[key]) {
			return `<span class="indicator-pill ${colours[key]}" style="white-space:nowrap">${html}</span>`;
		}
		if (column.fieldname === "employee_name" && data.employee) {
			return `<a href="/app/query-report/Employee Training History?employee=${encodeURIComponent(data.employee)}">${html}</a>`;
		}
		return html;
	},
};
