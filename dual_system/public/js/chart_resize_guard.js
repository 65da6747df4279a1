// Dashboard charts: no uncaught error when a chart is resized during its entry animation.
//
// frappe-charts (2.0.0-rc22, in Frappe 15) animates a chart by swapping its <svg> for an
// animated clone and swapping it back ~250 ms later. A resize in that window (a workspace
// still laying out its number cards, a sidebar toggling) redraws the chart, and the redraw
// removes an <svg> that is not in the container: "Failed to execute 'removeChild' on 'Node'",
// uncaught, on the Dual Prevention workspace about every second load. Here a redraw that
// comes during the animation waits until the chart's own <svg> is back.
(function () {
	const Chart = frappe.Chart;
	if (!Chart || Chart.__ds_resize_guard) return;

	const guard = (chart) => {
		let proto = Object.getPrototypeOf(chart);
		while (proto && !Object.prototype.hasOwnProperty.call(proto, "makeChartArea")) {
			proto = Object.getPrototypeOf(proto);
		}
		if (!proto || proto.__ds_resize_guard) return;
		proto.__ds_resize_guard = true;
		const draw = proto.draw;
		proto.draw = function (...args) {
			if (this.svg && this.svg.parentNode !== this.container) {
				clearTimeout(this.__ds_redraw);
				this.__ds_redraw = setTimeout(() => this.draw(...args), 300);
				return;
			}
			return draw.apply(this, args);
		};
	};

	// frappe.Chart returns an instance of the chart type's class: guard their shared base
	frappe.Chart = function (...args) {
		const chart = new Chart(...args);
		guard(chart);
		return chart;
	};
	frappe.Chart.__ds_resize_guard = true;
})();
