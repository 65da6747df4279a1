// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Measures Without Plan"] = {
	filters: [
		{ fieldname: "company", label: __("Company"), fieldtype: "Link", options: "Company" },
		{ fieldname: "risk_point", label: __("Risk Point"), fieldtype: "Link", options: "Risk Point" },
	],
};
