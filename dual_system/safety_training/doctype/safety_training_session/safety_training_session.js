// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.ui.form.on("Safety Training Session", {
	setup(frm) {
		frm.set_query("organiser_department", () => ({ filters: { company: frm.doc.company } }));
		frm.set_query("trainer_employee", () => ({ filters: { status: "Active" } }));
		frm.set_query("employee", "attendees", () => ({ filters: { status: "Active" } }));
	},

	refresh(frm) {
		if (frm.doc.docstatus === 0 && frm.doc.status === "Planned" && frm.has_perm("write")) {
			frm.add_custom_button(__("Add Attendees"), () => add_attendees(frm));
			if ((frm.doc.attendees || []).some((row) => !row.attendance)) {
				frm.add_custom_button(__("Mark Everyone Present"), () => {
					(frm.doc.attendees || []).forEach((row) => {
						if (!row.attendance) frappe.model.set_value(row.doctype, row.name, "attendance", "Present");
					});
				});
			}
		}
	},
});

function add_attendees(frm) {
	if (!frm.doc.company) {
		frappe.msgprint(__("Choose the company first"));
		return;
	}
	const dialog = new frappe.ui.Dialog({
		title: __("Add Attendees"),
		fields: [
			{
				fieldname: "by",
				fieldtype: "Select",
				label: __("Add"),
				options: [
					{ value: "department", label: __("Everyone of a Department") },
					{ value: "designation", label: __("Everyone of a Designation") },
					{ value: "due", label: __("Everyone Whose Requirement Is Due") },
				],
				default: "department",
				reqd: 1,
			},
			{
				fieldname: "department",
				fieldtype: "Link",
				options: "Department",
				label: __("Department"),
				description: __("With its sub-departments."),
				get_query: () => ({ filters: { company: frm.doc.company } }),
				depends_on: "eval:doc.by!='designation'",
			},
			{
				fieldname: "designation",
				fieldtype: "Link",
				options: "Designation",
				label: __("Designation"),
				depends_on: "eval:doc.by=='designation'",
				mandatory_depends_on: "eval:doc.by=='designation'",
			},
		],
		primary_action_label: __("Add"),
		primary_action(values) {
			frappe
				.xcall("dual_system.api.training.attendee_candidates", {
					company: frm.doc.company,
					department: values.by === "designation" ? null : values.department,
					designation: values.by === "designation" ? values.designation : null,
					training_type: frm.doc.training_type,
					due_only: values.by === "due" ? 1 : 0,
				})
				.then((people) => {
					const listed = new Set((frm.doc.attendees || []).map((row) => row.employee));
					let added = 0;
					people.forEach((person) => {
						if (listed.has(person.employee)) return;
						frm.add_child("attendees", person);
						added += 1;
					});
					frm.refresh_field("attendees");
					frm.dirty();
					dialog.hide();
					frappe.show_alert({ message: __("{0} attendees added", [added]), indicator: "green" });
				});
		},
	});
	dialog.show();
}
