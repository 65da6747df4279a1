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
		frm.set_query("scope_departments", () => ({ filters: { company: frm.doc.company } }));
	},
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Inspection Tasks"), () =>
				frappe.set_route("List", "Inspection Task", { plan: frm.doc.name })
			);
		}
	},
	investigation_type(frm) {
		fill_default_cycle(frm);
	},
	organisational_level(frm) {
		fill_default_cycle(frm);
	},
	validate(frm) {
		// a plan of one department belongs to it (the server checks the owning department
		// before it validates the plan, so the form fills it in before saving; the
		// multi-select adds its rows without a change event)
		const rows = (frm.doc.scope_departments || []).filter((row) => row.department);
		if (!frm.doc.department && rows.length === 1) {
			frm.set_value("department", rows[0].department);
		}
	},
});

// A new plan takes the investigation type's default cycle for its organisational level
// (the server does the same when the cycle is left empty).
function fill_default_cycle(frm) {
	if (!frm.is_new() || !frm.doc.investigation_type) return;
	frappe
		.call({
			method: "dual_system.api.inspection.default_cycle",
			args: {
				investigation_type: frm.doc.investigation_type,
				organisational_level: frm.doc.organisational_level || null,
			},
		})
		.then(({ message }) => {
			if (!message) return;
			if (frm.doc.cycle_interval === message.cycle_interval && frm.doc.cycle_unit === message.cycle_unit) {
				return;
			}
			if (!frm.doc.organisational_level) {
				frm.set_value("organisational_level", message.organisational_level);
			}
			frm.set_value("cycle_interval", message.cycle_interval);
			frm.set_value("cycle_unit", message.cycle_unit);
			frappe.show_alert({
				message: __("Cycle set from the investigation type: every {0} {1}", [
					message.cycle_interval,
					__(message.cycle_unit),
				]),
				indicator: "blue",
			});
		});
}
