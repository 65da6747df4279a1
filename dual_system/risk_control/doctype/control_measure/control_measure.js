// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.ui.form.on("Control Measure", {
	setup(frm) {
		frm.set_query("risk_event", () => ({ filters: { status: "Active" } }));
	},
	refresh(frm) {
		frm.trigger("national_class_l1");
		if (!frm.is_new() && frm.doc.status === "Active" && frappe.model.can_create("Inspection Plan")) {
			frm.add_custom_button(__("Create Inspection Plan"), () => dual_system.create_inspection_plan(frm));
		}
	},
	national_class_l1(frm) {
		const options = dual_system.vocab().national_classes?.[frm.doc.national_class_l1] || [];
		frm.set_df_property("national_class_l2", "options", dual_system.options(options));
		if (frm.doc.national_class_l2 && !options.includes(frm.doc.national_class_l2)) {
			frm.set_value("national_class_l2", "");
		}
	},
});
