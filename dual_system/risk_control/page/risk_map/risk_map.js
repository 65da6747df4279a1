// Four-colour risk map (四色安全风险空间分布图): active risk points coloured by level,
// by location or on a plant layout, plus the comparison chart of work activities.

frappe.provide("dual_system");

frappe.pages["risk-map"].on_page_load = function (wrapper) {
	frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Four-Colour Risk Map"),
		single_column: true,
	});
	wrapper.risk_map = new dual_system.RiskMap(wrapper);
};

frappe.pages["risk-map"].on_page_show = function (wrapper) {
	wrapper.risk_map.show();
};

const API = "dual_system.api.risk_map";
const VIEW_KEY = "dual_system:risk-map:view";
const DARK_TEXT = "#1f2937";

dual_system.RiskMap = class RiskMap {
	constructor(wrapper) {
		this.page = wrapper.page;
		this.view = localStorage.getItem(VIEW_KEY) === "layout" ? "layout" : "location";
		this.data = null;
		this.chart_mode = "score";
		this.make_filters();
		this.make_body();
		this.page.set_secondary_action(__("Refresh"), () => this.refresh(), "refresh");
		$(window).on(
			"resize",
			frappe.utils.debounce(() => {
				if (
					frappe.get_route_str() === "risk-map" &&
					this.data &&
					this.data.activities.length
				) {
					this.render_chart();
				}
			}, 300)
		);
	}

	// --- filters and skeleton -----------------------------------------------------------
	make_filters() {
		this.company_field = this.page.add_field({
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			reqd: 1,
			default: frappe.defaults.get_user_default("Company"),
			change: () => {
				if (this.company_field.get_value() !== (this.data && this.data.company)) {
					this.department_field.set_value("");
					this.layout_field.set_value("");
					this.refresh();
				}
			},
		});
		this.department_field = this.page.add_field({
			fieldname: "department",
			label: __("Department"),
			fieldtype: "Link",
			options: "Department",
			get_query: () => ({ filters: { company: this.company_field.get_value() } }),
			change: () => {
				if (
					(this.department_field.get_value() || null) !==
					(this.data && this.data.department)
				) {
					this.refresh();
				}
			},
		});
		this.layout_field = this.page.add_field({
			fieldname: "layout",
			label: __("Plant Layout"),
			fieldtype: "Link",
			options: "Risk Map Layout",
			get_query: () => ({ filters: { company: this.company_field.get_value() } }),
			change: () => this.render_layout(),
		});
		this.toggle_layout_field();
	}

	make_body() {
		this.$body = $(`
			<div class="ds-risk-map">
				<div class="ds-rm-toolbar">
					<div class="btn-group btn-group-sm ds-rm-views" role="group">
						<button class="btn btn-default" data-view="location">${__("By location")}</button>
						<button class="btn btn-default" data-view="layout">${__("Plant layout")}</button>
					</div>
					<div class="ds-rm-legend"></div>
				</div>
				<div class="ds-rm-summary text-muted"></div>
				<div class="ds-rm-view ds-rm-view-location"></div>
				<div class="ds-rm-view ds-rm-view-layout"></div>
				<div class="ds-rm-activities"></div>
			</div>
		`).appendTo(this.page.main);
		this.$body.find(".ds-rm-views").on("click", "button", (e) => {
			this.set_view($(e.currentTarget).attr("data-view"));
		});
		this.set_view(this.view);
	}

	set_view(view) {
		this.view = view;
		localStorage.setItem(VIEW_KEY, view);
		this.$body.find(".ds-rm-views button").each((i, btn) => {
			$(btn).toggleClass("btn-primary", btn.dataset.view === view);
			$(btn).toggleClass("btn-default", btn.dataset.view !== view);
		});
		this.$body.find(".ds-rm-view-location").toggle(view === "location");
		this.$body.find(".ds-rm-view-layout").toggle(view === "layout");
		this.toggle_layout_field();
		if (this.data && view === "layout") this.render_layout();
	}

	toggle_layout_field() {
		this.layout_field && $(this.layout_field.wrapper).toggle(this.view === "layout");
	}

	show() {
		const options = frappe.route_options;
		frappe.route_options = null;
		if (options) {
			options.view && this.set_view(options.view === "layout" ? "layout" : "location");
			options.company && this.company_field.set_input(options.company);
			options.department !== undefined &&
				this.department_field.set_input(options.department);
			options.layout && this.layout_field.set_input(options.layout);
		}
		this.refresh();
	}

	// --- data ------------------------------------------------------------------------------
	refresh() {
		const company = this.company_field.get_value();
		if (!company) {
			this.data = null;
			this.render_empty(__("Select a company to see its risk map."));
			return;
		}
		return frappe
			.xcall(`${API}.get_map_data`, {
				company: company,
				department: this.department_field.get_value() || null,
			})
			.then((data) => {
				// one array per point (see get_map_data): back to objects, coloured by level
				const hex = Object.fromEntries(data.levels.map((l) => [l.level, l.hex]));
				data.points = data.points.map((row) => {
					const point = Object.fromEntries(data.point_fields.map((f, i) => [f, row[i]]));
					point.hex = hex[point.current_risk_level] || data.no_level_hex;
					point.can_write = data.can_write;
					return point;
				});
				this.data = data;
				this.points = {};
				data.points.forEach((p) => (this.points[p.name] = p));
				this.render();
			});
	}

	render() {
		this.render_legend();
		this.render_summary();
		this.render_locations();
		this.render_layout();
		this.render_activities();
	}

	render_empty(message) {
		this.destroy_chart();
		this.$body
			.find(".ds-rm-legend, .ds-rm-summary, .ds-rm-view-layout, .ds-rm-activities")
			.empty();
		this.$body.find(".ds-rm-view-location").html(this.empty_state(message));
		this.$body.find(".ds-rm-view-layout").html(this.empty_state(message));
	}

	// --- colours and shared bits -------------------------------------------------------
	level_label(level) {
		return level ? __(level) : __("Not assessed");
	}

	text_colour(hex) {
		const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.substr(i, 2), 16) / 255);
		return 0.299 * r + 0.587 * g + 0.114 * b > 0.62 ? DARK_TEXT : "#ffffff";
	}

	colour_style(hex) {
		return `background-color: ${hex}; color: ${this.text_colour(hex)};`;
	}

	point_link(point) {
		return frappe.utils.get_form_link("Risk Point", point.name);
	}

	point_title(point) {
		return `${point.name}: ${point.risk_point_name} (${this.level_label(
			point.current_risk_level
		)})`;
	}

	open_point(point) {
		frappe.set_route("Form", "Risk Point", point.name);
	}

	count_label(count) {
		return count === 1 ? __("1 risk point") : __("{0} risk points", [count]);
	}

	empty_state(message) {
		return `<div class="ds-rm-empty text-muted">${frappe.utils.escape_html(message)}</div>`;
	}

	chip(point) {
		const esc = frappe.utils.escape_html;
		const kind =
			point.risk_point_type === "Work Activity"
				? `<span class="ds-rm-chip-tag">${__("Activity")}</span>`
				: "";
		return `
			<a class="ds-rm-chip ${point.is_group ? "ds-rm-chip-group" : ""}"
				href="${this.point_link(point)}" title="${esc(this.point_title(point))}"
				style="${this.colour_style(point.hex)}" data-name="${esc(point.name)}">
				<span class="ds-rm-chip-code">${esc(point.name)}</span>
				<span class="ds-rm-chip-name">${esc(point.risk_point_name)}</span>${kind}
			</a>`;
	}

	// --- legend and summary ----------------------------------------------------------------
	render_legend() {
		const counts = {};
		this.data.points.forEach((p) => {
			const key = p.current_risk_level || "";
			counts[key] = (counts[key] || 0) + 1;
		});
		const items = this.data.levels.map((l) => ({
			level: l.level,
			hex: l.hex,
			count: counts[l.level] || 0,
		}));
		if (counts[""]) items.push({ level: "", hex: this.data.no_level_hex, count: counts[""] });
		this.$body.find(".ds-rm-legend").html(
			items
				.map(
					(item) => `
					<span class="ds-rm-legend-item">
						<span class="ds-rm-swatch" style="background-color: ${item.hex}"></span>
						${frappe.utils.escape_html(this.level_label(item.level))}
						<span class="ds-rm-legend-count">${item.count}</span>
					</span>`
				)
				.join("")
		);
	}

	render_summary() {
		const placed = this.data.locations.filter((g) => g.location).length;
		this.$body
			.find(".ds-rm-summary")
			.text(
				__("Active risk points: {0} · Locations: {1}", [this.data.points.length, placed])
			);
	}

	// --- view 1: by location ---------------------------------------------------------------
	render_locations() {
		const $view = this.$body.find(".ds-rm-view-location");
		if (!this.data.points.length) {
			$view.html(this.empty_state(__("No active risk points for these filters.")));
			return;
		}
		const esc = frappe.utils.escape_html;
		const cards = this.data.locations.map((group) => {
			const name = group.location || __("Unplaced");
			const chips = group.points.map((n) => this.chip(this.points[n])).join("");
			return `
				<div class="ds-rm-zone ${group.location ? "" : "ds-rm-zone-unplaced"}"
					style="--ds-rm-zone: ${group.hex}" data-location="${esc(group.location || "")}">
					<div class="ds-rm-zone-head" style="${this.colour_style(group.hex)}">
						<span class="ds-rm-zone-name">${esc(name)}</span>
						<span class="ds-rm-zone-level">${esc(this.level_label(group.level))}</span>
					</div>
					<div class="ds-rm-zone-body">
						<div class="ds-rm-zone-count text-muted">
							${this.count_label(group.points.length)}
						</div>
						<div class="ds-rm-chips">${chips}</div>
					</div>
				</div>`;
		});
		$view.html(`<div class="ds-rm-zones">${cards.join("")}</div>`);
	}

	// --- view 2: plant layout --------------------------------------------------------------
	current_layout() {
		if (!this.data || !this.data.layouts.length) return null;
		const chosen = this.layout_field.get_value();
		const layout = this.data.layouts.find((l) => l.name === chosen) || this.data.layouts[0];
		if (layout.name !== chosen) this.layout_field.set_input(layout.name);
		return layout;
	}

	render_layout() {
		const $view = this.$body.find(".ds-rm-view-layout");
		if (!this.data || this.view !== "layout") return;
		const layout = this.current_layout();
		if (!layout) {
			let message = __("No plant layout for {0} yet.", [this.data.company]);
			if (frappe.model.can_create("Risk Map Layout")) {
				message +=
					" " +
					__(
						"Create a Risk Map Layout with the plant drawing to place risk points on it."
					);
			}
			$view.html(this.empty_state(message));
			if (frappe.model.can_create("Risk Map Layout")) {
				$(`<button class="btn btn-default btn-sm">${__("New Risk Map Layout")}</button>`)
					.appendTo($view.find(".ds-rm-empty"))
					.on("click", () =>
						frappe.new_doc("Risk Map Layout", { company: this.data.company })
					);
			}
			return;
		}
		const esc = frappe.utils.escape_html;
		// work activities have no place on the map: they are in the comparison chart
		const mappable = this.data.points.filter((p) => p.risk_point_type !== "Work Activity");
		const placed = mappable.filter((p) => p.map_layout === layout.name);
		const unplaced = mappable.filter((p) => p.map_layout !== layout.name);
		const movable = this.data.points.some((p) => p.can_write);
		$view.html(`
			<div class="ds-rm-layout">
				<div class="ds-rm-canvas-wrap">
					<div class="ds-rm-canvas">
						<img class="ds-rm-image" src="${esc(layout.layout_image || "")}"
							alt="${esc(layout.layout_name)}" draggable="false">
					</div>
					<div class="ds-rm-hint text-muted">
						${
							movable
								? __(
										"Drag a marker to move it; drag a point from the list onto the plan to place it."
								  )
								: __("Click a marker to open its risk point.")
						}
					</div>
				</div>
				<div class="ds-rm-side">
					<div class="ds-rm-side-title">${__("Not placed on this layout")}</div>
					<div class="ds-rm-side-list"></div>
				</div>
			</div>
		`);
		this.$canvas = $view.find(".ds-rm-canvas");
		this.$side = $view.find(".ds-rm-side");
		placed.forEach((point) => this.add_marker(point));
		this.render_unplaced(unplaced, layout);
	}

	add_marker(point) {
		const esc = frappe.utils.escape_html;
		const $marker = $(`
			<div class="ds-rm-marker ${point.can_write ? "ds-rm-movable" : ""}"
				style="left: ${point.map_x}%; top: ${point.map_y}%; --ds-rm-colour: ${point.hex}"
				title="${esc(this.point_title(point))}" data-name="${esc(point.name)}">
				<span class="ds-rm-halo"></span>
				<span class="ds-rm-dot"></span>
				<span class="ds-rm-marker-label">${esc(point.name)}</span>
			</div>
		`).appendTo(this.$canvas);
		if (point.can_write) {
			this.make_draggable($marker[0], point, "marker");
		} else {
			$marker.on("click", () => this.open_point(point));
		}
	}

	render_unplaced(points, layout) {
		const $list = this.$side.find(".ds-rm-side-list");
		if (!points.length) {
			$list.html(
				`<div class="text-muted small">${__("Every risk point is on the plan.")}</div>`
			);
			return;
		}
		const esc = frappe.utils.escape_html;
		points.forEach((point) => {
			const elsewhere =
				point.map_layout && point.map_layout !== layout.name
					? `<span class="ds-rm-elsewhere text-muted">${__("on {0}", [
							esc(point.map_layout),
					  ])}</span>`
					: "";
			const $item = $(this.chip(point))
				.addClass("ds-rm-side-item")
				.toggleClass("ds-rm-movable", !!point.can_write)
				.append(elsewhere)
				.appendTo($list);
			if (point.can_write) this.make_draggable($item[0], point, "item");
		});
	}

	// Pointer-based dragging (mouse, pen and touch alike). A press without movement
	// stays a click: chips are links (Ctrl+click opens a new tab), markers open the point.
	make_draggable(el, point, kind) {
		let dragged = false;
		// capture phase: runs before Frappe's link router, which ignores preventDefault
		el.addEventListener(
			"click",
			(e) => {
				if (dragged || el.tagName !== "A") {
					e.preventDefault();
					e.stopPropagation();
				}
				if (!dragged && el.tagName !== "A") this.open_point(point);
				dragged = false;
			},
			true
		);
		el.addEventListener("dragstart", (e) => e.preventDefault());
		el.addEventListener("pointerdown", (down) => {
			if (down.button !== 0) return;
			down.preventDefault();
			el.setPointerCapture(down.pointerId);
			let ghost = null;
			dragged = false;
			const move = (e) => {
				if (!dragged && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < 4)
					return;
				dragged = true;
				if (kind === "marker") {
					const pos = this.percent_at(e);
					el.style.left = `${pos.x}%`;
					el.style.top = `${pos.y}%`;
					el.classList.add("ds-rm-dragging");
				} else {
					ghost = ghost || this.make_ghost(point);
					ghost.style.left = `${e.clientX}px`;
					ghost.style.top = `${e.clientY}px`;
				}
				this.$canvas.toggleClass("ds-rm-drop-target", this.is_over(this.$canvas, e));
				this.$side.toggleClass(
					"ds-rm-drop-target",
					kind === "marker" && this.is_over(this.$side, e)
				);
			};
			const stop = () => {
				el.removeEventListener("pointermove", move);
				el.removeEventListener("pointerup", up);
				el.removeEventListener("pointercancel", cancel);
				ghost && ghost.remove();
				this.$canvas.removeClass("ds-rm-drop-target");
				this.$side.removeClass("ds-rm-drop-target");
			};
			const up = (e) => {
				stop();
				if (!dragged) return;
				if (this.is_over(this.$canvas, e)) {
					this.save_position(point, this.percent_at(e));
				} else if (kind === "marker" && this.is_over(this.$side, e)) {
					this.clear_position(point);
				} else {
					this.render_layout();
				}
			};
			const cancel = () => {
				stop();
				dragged = false;
				this.render_layout();
			};
			el.addEventListener("pointermove", move);
			el.addEventListener("pointerup", up);
			el.addEventListener("pointercancel", cancel);
		});
	}

	make_ghost(point) {
		const ghost = document.createElement("div");
		ghost.className = "ds-rm-ghost";
		ghost.style.setProperty("--ds-rm-colour", point.hex);
		ghost.innerHTML = `<span class="ds-rm-dot"></span><span class="ds-rm-marker-label">${frappe.utils.escape_html(
			point.name
		)}</span>`;
		document.body.appendChild(ghost);
		return ghost;
	}

	is_over($el, e) {
		const rect = $el[0].getBoundingClientRect();
		return (
			e.clientX >= rect.left &&
			e.clientX <= rect.right &&
			e.clientY >= rect.top &&
			e.clientY <= rect.bottom
		);
	}

	percent_at(e) {
		const rect = this.$canvas[0].getBoundingClientRect();
		const clamp = (v) => Math.round(Math.min(Math.max(v, 0), 100) * 100) / 100;
		return {
			x: clamp(((e.clientX - rect.left) / rect.width) * 100),
			y: clamp(((e.clientY - rect.top) / rect.height) * 100),
		};
	}

	save_position(point, pos) {
		const layout = this.current_layout();
		return frappe
			.xcall(`${API}.save_position`, {
				risk_point: point.name,
				layout: layout.name,
				x: pos.x,
				y: pos.y,
			})
			.then((saved) => {
				Object.assign(point, saved);
				frappe.show_alert({
					message: __("{0} placed on {1}", [point.name, layout.layout_name]),
					indicator: "green",
				});
			})
			.finally(() => this.render_layout());
	}

	clear_position(point) {
		return frappe
			.xcall(`${API}.clear_position`, { risk_point: point.name })
			.then((saved) => {
				Object.assign(point, saved);
				frappe.show_alert({
					message: __("{0} taken off the plan", [point.name]),
					indicator: "blue",
				});
			})
			.finally(() => this.render_layout());
	}

	// --- work activities: comparison chart ------------------------------------------------
	destroy_chart() {
		// frappe-charts redraws on resize: unbind before its container goes away
		this.chart && this.chart.destroy();
		this.chart = null;
	}

	render_activities() {
		this.destroy_chart();
		const $section = this.$body.find(".ds-rm-activities");
		const rows = this.data.activities;
		$section.html(`
			<div class="ds-rm-section-head">
				<div>
					<div class="ds-rm-section-title">${__("Work activity risk comparison")}</div>
					<div class="text-muted small">
						${__("Work activities have no place on the map; they are compared here.")}
					</div>
				</div>
				<div class="btn-group btn-group-sm ds-rm-chart-modes" role="group">
					<button class="btn btn-default" data-mode="score">${__("Highest score")}</button>
					<button class="btn btn-default" data-mode="level">${__("Risk level")}</button>
				</div>
			</div>
			<div class="ds-rm-chart"></div>
			<div class="ds-rm-chart-note text-muted small"></div>
			<div class="ds-rm-activity-table"></div>
		`);
		if (!rows.length) {
			$section.find(".ds-rm-chart-modes").remove();
			$section
				.find(".ds-rm-chart")
				.html(this.empty_state(__("No work-activity risk points for these filters.")));
			return;
		}
		$section.find(".ds-rm-chart-modes").on("click", "button", (e) => {
			this.chart_mode = e.currentTarget.dataset.mode;
			this.render_chart();
		});
		this.render_chart();
		this.render_activity_table();
	}

	render_chart() {
		const $section = this.$body.find(".ds-rm-activities");
		$section.find(".ds-rm-chart-modes button").each((i, btn) => {
			$(btn).toggleClass("btn-primary", btn.dataset.mode === this.chart_mode);
			$(btn).toggleClass("btn-default", btn.dataset.mode !== this.chart_mode);
		});
		const rows = this.data.activities;
		const levels = this.data.levels.map((l) => ({ level: l.level, hex: l.hex }));
		levels.push({ level: "", hex: this.data.no_level_hex });
		const rank = { Major: 4, Significant: 3, General: 2, Low: 1 };
		const level_names = {};
		Object.keys(rank).forEach((level) => (level_names[rank[level]] = this.level_label(level)));
		const value = (row) =>
			this.chart_mode === "level" ? rank[row.level] || 0 : row.score || 0;
		// one dataset per level, stacked: each bar takes the colour of its level
		const used = levels.filter((l) => rows.some((r) => (r.level || "") === l.level));
		const datasets = used.map((l) => ({
			name: this.level_label(l.level),
			values: rows.map((r) => ((r.level || "") === l.level ? value(r) : 0)),
		}));
		const labels = rows.map((r) => {
			const name = `${r.name} ${r.risk_point_name || ""}`.trim();
			return name.length > 28 ? `${name.slice(0, 27)}…` : name;
		});
		this.destroy_chart();
		const $chart = $section.find(".ds-rm-chart").empty();
		this.chart = new frappe.Chart($chart[0], {
			type: "bar",
			height: 260,
			data: { labels: labels, datasets: datasets },
			colors: used.map((l) => l.hex),
			barOptions: { stacked: 1, spaceRatio: 0.5 },
			axisOptions: { xAxisMode: "tick", xIsSeries: 0 },
			tooltipOptions: {
				formatTooltipY: (v) => {
					if (!v) return "";
					return this.chart_mode === "level" ? level_names[v] : v;
				},
			},
		});
		// frappe-charts' own redraw on resize throws (removeChild); we redraw from scratch instead
		this.chart.destroy();
		$section
			.find(".ds-rm-chart-note")
			.text(
				this.chart_mode === "level"
					? __("Bar height: 4 = Major, 3 = Significant, 2 = General, 1 = Low.")
					: __(
							"Bar height: the highest score of the point's live risk events; scores of different evaluation methods are not on the same scale."
					  )
			);
	}

	render_activity_table() {
		const esc = frappe.utils.escape_html;
		const rows = this.data.activities
			.map(
				(r) => `
				<tr>
					<td><a href="${this.point_link(r)}">${esc(r.name)}</a> ${esc(r.risk_point_name || "")}</td>
					<td>${esc(r.location || "")}</td>
					<td><span class="ds-rm-level-pill" style="${this.colour_style(r.hex)}">
						${esc(this.level_label(r.level))}</span></td>
					<td class="text-right">${r.score != null ? esc(String(r.score)) : ""}
						${r.evaluation_method ? `<span class="text-muted">(${esc(r.evaluation_method)})</span>` : ""}</td>
					<td class="text-right">${r.event_count}</td>
				</tr>`
			)
			.join("");
		this.$body.find(".ds-rm-activity-table").html(`
			<table class="table table-sm ds-rm-table">
				<thead><tr>
					<th>${__("Risk Point")}</th>
					<th>${__("Location")}</th>
					<th>${__("Risk Level")}</th>
					<th class="text-right">${__("Highest score")}</th>
					<th class="text-right">${__("Live Risk Events")}</th>
				</tr></thead>
				<tbody>${rows}</tbody>
			</table>
		`);
	}
};
