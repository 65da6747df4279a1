// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Hidden-Danger Statutory Return"] = {
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
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			reqd: 1,
			default: new Date().getFullYear(),
		},
		{
			fieldname: "quarter",
			label: __("Quarter"),
			fieldtype: "Select",
			options: [
				{ value: "", label: __("Whole year (annual return)") },
				{ value: "1", label: __("Q1") },
				{ value: "2", label: __("Q2") },
				{ value: "3", label: __("Q3") },
				{ value: "4", label: __("Q4") },
			],
		},
		{ fieldname: "signer", label: __("Main Responsible Person (Signer)"), fieldtype: "Data" },
	],
};
