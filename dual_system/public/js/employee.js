// The Employee form: a headline with the employee's unmet training requirements and
// missing induction levels, and a button to the per-person training file.
frappe.ui.form.on("Employee", {
	refresh(frm) {
		if (frm.is_new() || !frappe.model.can_read("Safety Training Record")) return;
		frm.add_custom_button(
			__("Training File"),
			() => frappe.set_route("query-report", "Employee Training History", { employee: frm.doc.name }),
			__("View")
		);
		frappe
			.xcall("dual_system.api.training.employee_training_status", { employee: frm.doc.name })
			.then((status) => {
				if (!status || !status.readable) return;
				const parts = (status.gaps || []).map((gap) => {
					const until = gap.valid_until ? ` ${frappe.datetime.str_to_user(gap.valid_until)}` : "";
					return `${frappe.utils.escape_html(gap.training_type_label)}: ${frappe.utils.escape_html(gap.status_label)}${until}`;
				});
				if (status.induction_missing && status.induction_missing.length) {
					parts.push(
						__("Three-level induction incomplete: {0}", [
							status.induction_missing_labels.map(frappe.utils.escape_html).join(", "),
						])
					);
				}
				if (parts.length) {
					frm.dashboard.set_headline_alert(
						`<div class="text-danger">${__("Safety training")}: ${parts.join(" · ")}</div>`
					);
				}
			});
	},
});
