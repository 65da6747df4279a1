// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

const NATIONAL_CLASSES = {
	"Engineering Technology": ["Process Control", "Key Equipment or Parts", "Safety Accessories", "Safety Instrumentation", "Other"],
	Maintenance: ["Rotating Equipment", "Static Equipment", "Other"],
	"Operating Behaviour": ["Personnel Qualification", "Operating Records", "Shift Handover", "Other"],
	"Emergency Measures": ["Emergency Facilities", "Personal Protective Equipment", "Fire-fighting", "Emergency Plans", "Other"],
};

frappe.ui.form.on("Control Measure", {
	setup(frm) {
		frm.set_query("risk_event", () => ({ filters: { status: "Active" } }));
	},
	refresh(frm) {
		frm.trigger("national_class_l1");
	},
	national_class_l1(frm) {
		const options = NATIONAL_CLASSES[frm.doc.national_class_l1] || [];
		frm.set_df_property(
			"national_class_l2",
			"options",
			[""].concat(options.map((v) => ({ value: v, label: __(v) })))
		);
		if (frm.doc.national_class_l2 && !options.includes(frm.doc.national_class_l2)) {
			frm.set_value("national_class_l2", "");
		}
	},
});
