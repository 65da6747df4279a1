// Copyright (c) 2026, dual_system contributors
// For license information, please see license.txt

frappe.ui.form.on("Inspection Task", {
	refresh(frm) {
		// the assignee answers on the phone page (also reachable from the notification card)
		const answerable = ["Open", "Overdue"].includes(frm.doc.status);
		if (answerable && frm.doc.assignee_user === frappe.session.user) {
			frm.add_custom_button(__("Complete Task"), () => {
				window.location.href = `/inspect?task=${encodeURIComponent(frm.doc.name)}`;
			}).addClass("btn-primary");
		}
	},
});
