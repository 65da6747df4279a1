frappe.listview_settings["Risk Event"] = {
	add_fields: ["risk_level", "status"],
	get_indicator(doc) {
		if (doc.status === "Archived") {
			return [__("Archived"), dual_system.status_indicator("Risk Event", "Archived"), "status,=,Archived"];
		}
		return [__(doc.risk_level), dual_system.level_indicator(doc.risk_level), `risk_level,=,${doc.risk_level}`];
	},
};
