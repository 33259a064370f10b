// The live dashboard: charts from /runtime/history (polled with ?since= for new points
// only), check badges, runtime line and advice from /runtime. No build step, no CDN:
// uPlot comes from the jar's WebJar.
(function () {
	"use strict";

	const KIB = 1024;
	const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];
	// Axis steps for bytes: powers of two in each binary unit, so ticks read 256 MiB, 512 MiB.
	const BYTE_STEPS = [0, 1, 2, 3, 4].flatMap((power) =>
		[1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map((step) => step * Math.pow(KIB, power)));
	// A ceiling (max heap, container limit) far above the data would flatten it: it is
	// drawn only when within this factor of the data's top, and always named in the caption.
	const CEILING_REACH = 3;

	const format = {
		count: (v) => v == null ? "–" : String(Math.round(v)),
		bytes: (v) => {
			if (v == null) {
				return "–";
			}
			let scaled = v;
			let unit = 0;
			while (Math.abs(scaled) >= KIB && unit < BYTE_UNITS.length - 1) {
				scaled /= KIB;
				unit++;
			}
			return (unit === 0 ? String(Math.round(scaled)) : scaled.toFixed(1)) + " " + BYTE_UNITS[unit];
		},
		rate: (v) => v == null ? "–" : format.bytes(v) + "/s",
		millis: (v) => {
			if (v == null) {
				return "–";
			}
			const ms = v * 1000;
			if (ms === 0) {
				return "0 ms";
			}
			return (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0)) + " ms";
		},
		percent: (v) => v == null ? "–" : (v * 100).toFixed(2) + "%"
	};

	// What each chart draws: one series per field of a history point.
	const CHARTS = [
		{ id: "threads", title: "Threads", format: format.count, series: [
			{ label: "live", field: "threads", color: "#3b82f6" }] },
		{ id: "heap", title: "Heap", format: format.bytes, series: [
			{ label: "used", field: "heapUsedBytes", color: "#3b82f6" },
			{ label: "committed", field: "heapCommittedBytes", color: "#8b5cf6" },
			{ label: "after GC", field: "heapUsedAfterGcBytes", color: "#10b981", width: 2 },
			{ label: "max", field: "heapMaxBytes", color: "#ef4444", dash: [6, 4], ceiling: true }] },
		{ id: "gc-pauses", title: "GC pauses over the window", format: format.millis, series: [
			{ label: "p50", field: "gcP50Seconds", color: "#10b981" },
			{ label: "p90", field: "gcP90Seconds", color: "#3b82f6" },
			{ label: "p99", field: "gcP99Seconds", color: "#f59e0b", width: 2 },
			{ label: "max", field: "gcMaxSeconds", color: "#ef4444", dash: [6, 4] }] },
		{ id: "gc-overhead", title: "GC overhead (share of wall time)", format: format.percent, series: [
			{ label: "overhead", field: "gcOverhead", color: "#f59e0b" }] },
		{ id: "allocation", title: "Allocation rate", format: format.rate, series: [
			{ label: "allocated", field: "allocationBytesPerSecond", color: "#8b5cf6" }] },
		{ id: "container", title: "Resident memory vs container limit", format: format.bytes, series: [
			{ label: "RSS", field: "residentBytes", color: "#3b82f6" },
			{ label: "limit", field: "containerLimitBytes", color: "#ef4444", dash: [6, 4], ceiling: true }] }
	];

	const state = { capacity: 720, intervalMillis: 5000, lastTime: null, times: [], columns: {}, charts: [] };

	function cssVar(name) {
		return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
	}

	function element(tag, attributes, text) {
		const node = document.createElement(tag);
		Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
		if (text != null) {
			node.textContent = text;
		}
		return node;
	}

	function createCharts() {
		const container = document.getElementById("charts");
		CHARTS.forEach((spec) => {
			spec.series.forEach((series) => state.columns[series.field] = []);
			const figure = element("figure", { "class": "chart", id: "chart-" + spec.id, "data-points": "0" });
			const caption = element("figcaption", {}, spec.title);
			const latest = element("span", { "class": "latest", "data-latest": "" });
			caption.appendChild(latest);
			const plot = element("div", { "class": "plot" });
			figure.append(caption, plot);
			container.appendChild(figure);
			const axis = { stroke: cssVar("--muted"), grid: { stroke: cssVar("--border"), width: 1 },
				ticks: { stroke: cssVar("--border"), width: 1 } };
			const yAxis = Object.assign({}, axis, { size: 80, values: (u, values) => values.map(spec.format) });
			if (spec.format === format.bytes || spec.format === format.rate) {
				yAxis.incrs = BYTE_STEPS;
			}
			const xAxis = Object.assign({}, axis, { space: 70, values: timeLabels });
			const options = {
				width: Math.max(plot.clientWidth, 200),
				height: 200,
				scales: { x: { time: true }, y: { range: () => yRange(spec) } },
				series: [{}].concat(spec.series.map((series) => ({
					label: series.label, stroke: series.color, width: series.width || 1.5, dash: series.dash,
					spanGaps: false, value: (u, v) => spec.format(v)
				}))),
				axes: [xAxis, yAxis],
				legend: { live: true }
			};
			const chart = new uPlot(options, [[]].concat(spec.series.map(() => [])), plot);
			state.charts.push({ spec, chart, figure, latest, plot });
		});
		const resize = () => state.charts.forEach(({ chart, plot }) =>
			chart.setSize({ width: Math.max(plot.clientWidth, 200), height: 200 }));
		if (window.ResizeObserver) {
			new ResizeObserver(resize).observe(container);
		}
		else {
			window.addEventListener("resize", resize);
		}
	}

	// Clock times only (the date is today's): seconds when ticks are less than a minute apart.
	function timeLabels(u, splits) {
		const step = splits.length > 1 ? splits[1] - splits[0] : 60;
		const options = { hour: "2-digit", minute: "2-digit", hour12: false };
		if (step < 60) {
			options.second = "2-digit";
		}
		return splits.map((seconds) => new Date(seconds * 1000).toLocaleTimeString([], options));
	}

	function yRange(spec) {
		const top = (series) => Math.max(0, ...state.columns[series.field].filter((v) => v != null));
		let high = Math.max(0, ...spec.series.filter((series) => !series.ceiling).map(top));
		spec.series.filter((series) => series.ceiling).forEach((series) => {
			const ceiling = top(series);
			if (ceiling <= high * CEILING_REACH) {
				high = Math.max(high, ceiling);
			}
		});
		return [0, high > 0 ? high * 1.1 : 1];
	}

	function append(points) {
		points.forEach((point) => {
			state.times.push(point.epochMillis / 1000);
			Object.keys(state.columns).forEach((field) => state.columns[field].push(point[field] ?? null));
			state.lastTime = point.epochMillis;
		});
		const excess = state.times.length - state.capacity;
		if (excess > 0) {
			state.times.splice(0, excess);
			Object.values(state.columns).forEach((column) => column.splice(0, excess));
		}
	}

	function draw() {
		state.charts.forEach(({ spec, chart, figure, latest }) => {
			chart.setData([state.times].concat(spec.series.map((series) => state.columns[series.field])));
			figure.setAttribute("data-points", String(state.times.length));
			latest.textContent = spec.series.map((series) => {
				const column = state.columns[series.field];
				return series.label + " " + spec.format(column[column.length - 1]);
			}).join(" · ");
		});
	}

	async function fetchJson(path) {
		const response = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
		if (!response.ok) {
			throw new Error(path + " answered " + response.status);
		}
		return response.json();
	}

	async function refreshHistory() {
		const since = state.lastTime == null ? "" : "?since=" + state.lastTime;
		const history = await fetchJson("runtime/history" + since);
		state.capacity = history.capacity;
		state.intervalMillis = Math.max(history.intervalSeconds * 1000, 500);
		append(history.points);
		draw();
	}

	function renderChecks(checks) {
		const container = document.getElementById("checks");
		container.replaceChildren(...checks.map((check) => {
			const badge = element("span", { "class": "badge", "data-check": check.check, "data-level": check.level,
				title: describe(check) }, check.check + " ");
			badge.appendChild(element("b", {}, check.level));
			return badge;
		}));
	}

	function describe(check) {
		const parts = ["value " + (check.value ?? "unknown") + " " + check.unit];
		if (check.warning != null) {
			parts.push("warning at " + check.warning);
		}
		if (check.critical != null) {
			parts.push("critical at " + check.critical);
		}
		parts.push("since " + check.since);
		return parts.join(", ");
	}

	function renderRuntime(runtime) {
		const limit = runtime.containerMemoryLimitBytes;
		document.getElementById("runtime").textContent = [
			runtime.vendor + " " + runtime.version,
			runtime.gc.collector + " (" + runtime.gc.chosenBy + ")",
			runtime.availableProcessors + (runtime.availableProcessors === 1 ? " CPU" : " CPUs"),
			"max heap " + format.bytes(runtime.heap.maxBytes) + " (" + runtime.heap.setBy + ")",
			limit != null ? "container limit " + format.bytes(limit) : "no container limit"
		].join(" · ");
	}

	function renderAdvice(advice) {
		const list = document.getElementById("advice");
		if (advice.length === 0) {
			list.replaceChildren(element("li", { "class": "muted", "data-rule": "none" },
				"Nothing measured calls for a change."));
			return;
		}
		list.replaceChildren(...advice.map((item) => {
			const entry = element("li", { "data-rule": item.rule });
			entry.append(element("strong", {}, item.finding), document.createElement("br"),
				document.createTextNode(item.action));
			return entry;
		}));
	}

	async function refreshReport() {
		const report = await fetchJson("runtime");
		renderRuntime(report.runtime);
		renderChecks(report.checks);
		renderAdvice(report.advice);
		return report;
	}

	function setStatus(text, pageState) {
		document.getElementById("status").textContent = text;
		document.body.setAttribute("data-state", pageState);
	}

	async function refresh() {
		try {
			const [report] = await Promise.all([refreshReport(), refreshHistory()]);
			setStatus("Sampled at " + new Date(report.sampledAt).toLocaleTimeString() + " · "
				+ state.times.length + " of " + state.capacity + " points · every "
				+ (state.intervalMillis / 1000) + " s", "live");
		}
		catch (error) {
			setStatus("Disconnected (" + error.message + "); retrying", "error");
		}
		setTimeout(refresh, state.intervalMillis);
	}

	createCharts();
	refresh();
})();
