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
		if (!frm.doc.risk_point) return;
		frappe.db
			.get_value("Risk Point", frm.doc.risk_point, ["is_major_hazard_installation", "risk_point_type"])
			.then(({ message }) => {
				frm._is_mhi = message && message.is_major_hazard_installation;
				if (message && !frm.doc.identification_method) {
					frm.set_value(
						"identification_method",
						message.risk_point_type === "Work Activity" ? "JHA" : "SCL"
					);
				}
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
		const reasons = ["Process Change", "Incident", "New Standard", "Organisation Change", "Periodic Review", "Other"];
		frappe.prompt(
			{
				fieldname: "reason",
				label: __("Reason for Revision"),
				fieldtype: "Select",
				options: reasons.map((r) => ({ value: r, label: __(r) })),
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
		const row = locals[cdt][cdn];
		row.step_no = (frm.doc.rows || []).length;
		if (frm._is_mhi && !row.forced_major_reason) {
			// a major hazard installation is a forced-major reason (DOMAIN §4.4 c); the user may clear it
			frappe.model.set_value(cdt, cdn, "forced_major_reason", "MHI");
		}
		frm.refresh_field("rows");
	},
});
