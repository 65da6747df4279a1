frappe.listview_settings["Risk Assessment"] = {
	add_fields: ["status", "highest_level", "is_current"],
	has_indicator_for_draft: true,
	get_indicator(doc) {
		const colours = {
			Draft: "gray",
			"Pending Review": "orange",
			"Pending Approval": "blue",
			Approved: "green",
			Superseded: "darkgrey",
		};
		return [__(doc.status), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
	formatters: {
		highest_level(value) {
			return dual_system.level_pill(value);
		},
	},
};
