// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.query_reports["My Inspection Tasks"] = {
	filters: [
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date", default: frappe.datetime.add_days(frappe.datetime.get_today(), -7) },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: frappe.datetime.add_days(frappe.datetime.get_today(), 7) },
		{ fieldname: "status", label: __("Status"), fieldtype: "Select", options: ["", "Open", "Done", "Overdue", "Missed"] },
	],
};
