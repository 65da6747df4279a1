frappe.listview_settings["Risk Event"] = {
	add_fields: ["risk_level", "status"],
	get_indicator(doc) {
		if (doc.status === "Archived") return [__("Archived"), "darkgrey", "status,=,Archived"];
		return [__(doc.risk_level), dual_system.LEVEL_INDICATOR[doc.risk_level] || "gray", `risk_level,=,${doc.risk_level}`];
	},
};
