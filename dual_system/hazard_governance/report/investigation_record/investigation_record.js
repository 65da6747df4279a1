// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Investigation Record"] = {
	filters: [
		{ fieldname: "company", label: __("Company"), fieldtype: "Link", options: "Company" },
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date", default: frappe.datetime.add_months(frappe.datetime.get_today(), -1) },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: frappe.datetime.get_today() },
		{ fieldname: "department", label: __("Department"), fieldtype: "Link", options: "Department" },
		{ fieldname: "risk_point", label: __("Risk Point"), fieldtype: "Link", options: "Risk Point" },
		{ fieldname: "result", label: __("Result"), fieldtype: "Select", options: ["", "OK", "Defect", "Not Applicable"] },
	],
};
