frappe.treeview_settings["Hazard Factor Category"] = {
	breadcrumb: "Dual System",
	title: __("Hazard Factor Categories (GB/T 13861)"),
	get_tree_root: false,
	root_label: __("All Hazard Factor Categories"),
	get_tree_nodes: "frappe.desk.treeview.get_children",
};
