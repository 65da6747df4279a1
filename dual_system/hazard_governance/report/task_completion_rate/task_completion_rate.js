// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["Task Completion Rate"] = {
	filters: [
		{ fieldname: "company", label: __("Company"), fieldtype: "Link", options: "Company" },
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date", default: frappe.datetime.add_months(frappe.datetime.get_today(), -1) },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: frappe.datetime.get_today() },
		{ fieldname: "department", label: __("Department"), fieldtype: "Link", options: "Department" },
		{ fieldname: "risk_point", label: __("Risk Point"), fieldtype: "Link", options: "Risk Point" },
		{ fieldname: "group_by", label: __("Group By"), fieldtype: "Select", options: [{ value: "Person", label: __("Person") }, { value: "Department", label: __("Department") }, { value: "Work Type", label: __("Work Type") }], default: "Person", reqd: 1 },
	],
};
