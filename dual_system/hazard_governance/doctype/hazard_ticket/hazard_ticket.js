// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.ui.form.on("Hazard Ticket", {
	setup(frm) {
		frm.set_query("risk_event", () => ({
			filters: frm.doc.risk_point ? { risk_point: frm.doc.risk_point } : {},
		}));
		frm.set_query("control_measure", () => ({
			filters: frm.doc.risk_event ? { risk_event: frm.doc.risk_event } : {},
		}));
		frm.set_query("cost_center", () => ({ filters: { company: frm.doc.company, is_group: 0 } }));
		frm.set_query("major_criterion", () => ({ filters: { enabled: 1 } }));
		frm.set_query("governance_plan", () => ({
			filters: { hazard_ticket: frm.doc.name, docstatus: 1 },
		}));
	},

	refresh(frm) {
		frm.trigger("show_budget");
		if (frm.is_new()) return;
		const open = ["Reported", "Registered"].includes(frm.doc.status);
		if (open && frm.doc.finder_user === frappe.session.user && frm.doc.grade !== "Major") {
			frm.add_custom_button(__("Close on the Spot"), () => frm.trigger("close_on_the_spot"));
		}
		if (["Assigned", "Rectifying"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Request Extension"), () => frm.trigger("request_extension"));
		}
		if (frm.doc.grade === "Major" && !frm.doc.governance_plan) {
			frm.add_custom_button(__("Governance Plan"), () =>
				frappe.new_doc("Hazard Governance Plan", { hazard_ticket: frm.doc.name })
			);
		}
	},

	cost_center(frm) {
		frm.trigger("show_budget");
	},

	// the funds against the cost centre's budget for the fiscal year (read-only)
	show_budget(frm) {
		const field = frm.get_field("budget_html");
		if (!field) return;
		if (frm.is_new() || !frm.doc.cost_center) {
			field.$wrapper.empty();
			return;
		}
		frappe
			.call("dual_system.api.hazard.budget_status", { ticket: frm.doc.name })
			.then(({ message: b }) => {
				if (!b) return;
				const money = (v) => format_currency(v || 0);
				const text = b.budget
					? __("Budget {0} ({1}): {2}; other tickets {3}; this ticket {4}; remaining {5}", [
							b.budget,
							b.fiscal_year,
							money(b.budget_amount),
							money(b.other_tickets),
							money(b.funds),
							money(b.remaining),
					  ])
					: __("No budget for cost centre {0} in the fiscal year", [b.cost_center]);
				field.$wrapper.html(`<div class="text-muted small">${frappe.utils.escape_html(text)}</div>`);
			});
	},

	close_on_the_spot(frm) {
		frappe.prompt(
			[
				{ fieldname: "photo_after", fieldtype: "Attach Image", label: __("Photo After"), reqd: 1 },
				{ fieldname: "note", fieldtype: "Small Text", label: __("Acceptance Comment") },
			],
			(values) =>
				frappe
					.call("dual_system.api.hazard.close_on_the_spot", { ticket: frm.doc.name, ...values })
					.then(() => frm.reload_doc()),
			__("Close on the Spot")
		);
	},

	request_extension(frm) {
		frappe.prompt(
			[
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: 1 },
				{ fieldname: "new_deadline", fieldtype: "Date", label: __("New Deadline"), reqd: 1 },
			],
			(values) =>
				frappe
					.call("dual_system.api.hazard.request_extension", { ticket: frm.doc.name, ...values })
					.then(() => frm.reload_doc()),
			__("Request Extension")
		);
	},
});
