// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.listview_settings["Inspection Task"] = {
	add_fields: ["status", "on_time"],
	get_indicator(doc) {
		const colour = { Open: "blue", Overdue: "orange", Missed: "red", Done: doc.on_time ? "green" : "yellow" };
		return [__(doc.status), colour[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
