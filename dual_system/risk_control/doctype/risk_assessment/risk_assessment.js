// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.ui.form.on("Risk Assessment", {
	setup(frm) {
		frm.set_query("risk_point", () => ({ filters: { status: "Active" } }));
		frm.set_query("evaluation_method", () => ({ filters: { enabled: 1 } }));
		frm.set_query("accident_type", "rows", () => ({ filters: { enabled: 1 } }));
		frm.set_query("forced_major_reason", "rows", () => ({ filters: { enabled: 1 } }));
	},

	onload(frm) {
		if (frm.is_new() && !frm.doc.evaluation_method) {
			frappe.db
				.get_single_value("Dual System Settings", "default_evaluation_method")
				.then((method) => method && frm.set_value("evaluation_method", method));
		}
	},

	refresh(frm) {
		frm.trigger("setup_factor_columns");
		frm.trigger("show_sign_off");
		if (frm.doc.docstatus === 1 && frm.doc.is_current) {
			frm.add_custom_button(__("Revise"), () => frm.trigger("revise"));
		}
		if (frm.doc.previous_revision) {
			frm.add_custom_button(__("Previous Revision"), () =>
				frappe.set_route("Form", "Risk Assessment", frm.doc.previous_revision)
			);
		}
		if (frm.doc.risk_point) {
			frm.add_custom_button(
				__("Risk Register"),
				() => frappe.set_route("query-report", "Risk Register", { risk_point: frm.doc.risk_point }),
				__("View")
			);
		}
	},

	evaluation_method(frm) {
		frm.trigger("setup_factor_columns");
	},

	risk_point(frm) {
		// the server sets the identification method from the point's type when it is left
		// empty (dual_system/services/risk.py apply_point_defaults); show it straight away
		if (!frm.doc.risk_point || frm.doc.identification_method) return;
		frappe.db.get_value("Risk Point", frm.doc.risk_point, "risk_point_type").then(({ message }) => {
			const method = message && dual_system.vocab().identification_by_type?.[message.risk_point_type];
			if (method && !frm.doc.identification_method) frm.set_value("identification_method", method);
		});
	},

	// Factor columns take their labels and allowed values from the evaluation method.
	setup_factor_columns(frm) {
		const method = frm.doc.evaluation_method;
		if (!method) return;
		frappe.db.get_doc("Risk Evaluation Method", method).then((doc) => {
			const grid = frm.fields_dict.rows.grid;
			[1, 2, 3].forEach((i) => {
				const factor = doc.factors[i - 1];
				const field = `factor_${i}`;
				if (!factor) {
					grid.update_docfield_property(field, "hidden", 1);
					return;
				}
				const values = doc.factor_values
					.filter((v) => v.factor_code === factor.factor_code)
					.sort((a, b) => b.value - a.value)
					.map((v) => ({
						value: String(Number(v.value)),
						label: `${Number(v.value)} — ${__(v.meaning || "")}`,
					}));
				grid.update_docfield_property(field, "hidden", 0);
				grid.update_docfield_property(field, "label", `${factor.factor_code} ${__(factor.factor_name)}`);
				grid.update_docfield_property(field, "options", [""].concat(values));
			});
			frm.set_df_property(
				"rows",
				"description",
				`${__(doc.method_name)}: ${doc.formula}. ${__("Scores, levels and control levels are computed when you save.")}`
			);
			grid.refresh();
		});
	},

	show_sign_off(frm) {
		const steps = [
			[__("Analyst"), frm.doc.analyst, frm.doc.analysed_on],
			[__("Reviewer"), frm.doc.reviewer, frm.doc.reviewed_on],
			[__("Approver"), frm.doc.approver, frm.doc.approved_on],
		].filter(([, user]) => user);
		if (steps.length) {
			frm.dashboard.add_comment(
				steps
					.map(
						([label, user, on]) =>
							`${label}: <b>${frappe.user.full_name(user)}</b> ${frappe.datetime.str_to_user(on)}`
					)
					.join(" · "),
				"blue",
				true
			);
		}
		if (frm.doc.status === "Superseded" && frm.doc.superseded_by) {
			frm.dashboard.add_comment(
				__("Superseded by {0} on {1}", [
					`<a href="/app/risk-assessment/${frm.doc.superseded_by}">${frm.doc.superseded_by}</a>`,
					frappe.datetime.str_to_user(frm.doc.superseded_on),
				]),
				"orange",
				true
			);
		}
	},

	revise(frm) {
		frappe.prompt(
			{
				fieldname: "reason",
				label: __("Reason for Revision"),
				fieldtype: "Select",
				options: dual_system.options(dual_system.vocab().reassessment_reasons, false),
				default: "Periodic Review",
				reqd: 1,
			},
			({ reason }) =>
				frm.call("revise", { reason }).then(({ message }) => frappe.set_route("Form", "Risk Assessment", message)),
			__("Revise Assessment"),
			__("Create Draft Revision")
		);
	},
});

frappe.ui.form.on("Risk Assessment Row", {
	rows_add(frm, cdt, cdn) {
		// step numbers and, on a major hazard installation, the forced-major reason of new
		// rows are set by the server when the assessment is saved
		locals[cdt][cdn].step_no = (frm.doc.rows || []).length;
		frm.refresh_field("rows");
	},
});
