// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.ui.form.on("Risk Point", {
	setup(frm) {
		frm.set_query("parent_risk_point", () => ({
			filters: { is_group: 1, company: frm.doc.company, name: ["!=", frm.doc.name || ""] },
		}));
		frm.set_query("department", () => ({ filters: { company: frm.doc.company } }));
		frm.set_query("asset", () => ({ filters: { company: frm.doc.company } }));
		frm.set_query("map_layout", () => ({ filters: { company: frm.doc.company } }));
	},

	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.current_risk_level) {
			frm.dashboard.add_comment(
				`${__("Risk Level")}: ${dual_system.level_pill(frm.doc.current_risk_level)} · ${__("Control Level")}: ${__(
					frm.doc.current_control_level || ""
				)}`,
				dual_system.level_indicator(frm.doc.current_risk_level),
				true
			);
		}
		if (frm.doc.needs_reassessment) {
			frm.dashboard.add_comment(
				__("Needs re-assessment: {0}", [__(frm.doc.reassessment_reason || "")]),
				"orange",
				true
			);
		}
		frm.add_custom_button(__("Notification Card"), () =>
			frappe.utils.print(frm.doctype, frm.doc.name, "Risk Notification Card")
		);
		frm.add_custom_button(
			__("Risk Register"),
			() => frappe.set_route("query-report", "Risk Register", { risk_point: frm.doc.name }),
			__("View")
		);
		frm.add_custom_button(__("Four-colour Map"), () => frappe.set_route("risk-map"), __("View"));
		if (!frm.is_new() && frappe.user.has_role("Employee")) {
			frm.add_custom_button(__("Report Hidden Danger"), () =>
				window.open("/report-hazard?" + new URLSearchParams({ risk_point: frm.doc.name }))
			);
		}
		if (frm.doc.status === "Active" && frappe.model.can_create("Risk Assessment")) {
			if (frm.doc.current_assessment) {
				frm.add_custom_button(
					__("Revise Assessment"),
					() => frappe.set_route("Form", "Risk Assessment", frm.doc.current_assessment),
					__("Assess")
				);
			} else {
				frm.add_custom_button(
					__("New Assessment"),
					() => frappe.new_doc("Risk Assessment", { risk_point: frm.doc.name }),
					__("Assess")
				);
			}
		}
		if (frm.doc.status === "Active" && frappe.model.can_create("Inspection Plan")) {
			frm.add_custom_button(
				__("Create Inspection Plan"),
				() => dual_system.create_inspection_plan(frm),
				__("Investigate")
			);
			frm.add_custom_button(
				__("Inspection Tasks"),
				() => frappe.set_route("List", "Inspection Task", { risk_point: frm.doc.name }),
				__("View")
			);
		}
		if (frm.doc.status === "Active" && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Needs Re-assessment"), () => frm.trigger("needs_reassessment"), __("Assess"));
		}
	},

	needs_reassessment(frm) {
		frappe.prompt(
			[
				{
					fieldname: "reason",
					label: __("Re-assessment Reason"),
					fieldtype: "Select",
					options: dual_system.options(dual_system.vocab().reassessment_reasons, false),
					reqd: 1,
				},
				{ fieldname: "note", label: __("Note"), fieldtype: "Small Text" },
			],
			(values) => frm.call("mark_needs_reassessment", values).then(() => frm.reload_doc()),
			__("Needs Re-assessment"),
			__("Mark")
		);
	},
});
