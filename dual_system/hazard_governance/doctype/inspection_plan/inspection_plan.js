// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.ui.form.on("Inspection Plan", {
	setup(frm) {
		frm.set_query("department", () => ({ filters: { company: frm.doc.company } }));
		frm.set_query("assignee_department", () => ({ filters: { company: frm.doc.company } }));
		frm.set_query("assignee", () => ({ filters: { company: frm.doc.company, status: "Active" } }));
		frm.set_query("risk_point", () => ({ filters: { company: frm.doc.company } }));
		frm.set_query("risk_event", () => ({ filters: { status: "Active", risk_point: frm.doc.risk_point } }));
		frm.set_query("control_measure", () => ({ filters: { status: "Active", company: frm.doc.company } }));
	},
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Inspection Tasks"), () =>
				frappe.set_route("List", "Inspection Task", { plan: frm.doc.name })
			);
		}
	},
});
