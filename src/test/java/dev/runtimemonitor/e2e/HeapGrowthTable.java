package dev.runtimemonitor.e2e;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import dev.runtimemonitor.e2e.LiveSetTrace.Observation;

/**
 * The observations of two services side by side, about one row a minute and the last, for
 * the output of {@link HeapGrowthIT}.
 */
final class HeapGrowthTable {

	private static final double MIB = 1024 * 1024;

	private static final String ROW = "%6s | %-34s | %-34s%n";

	private static final String SIDE = "%7s %6s %6s %6s %-7s";

	private HeapGrowthTable() {
	}

	static String of(LiveSetTrace left, LiveSetTrace right, List<String> notes) {
		StringBuilder table = new StringBuilder("[heap-growth] after-GC and live set in MiB, growth in KiB/s, "
				+ "time until full in minutes; \u221e: known not to grow, -: unknown\n");
		String header = String.format(SIDE, "afterGC", "live", "growth", "full", "level");
		table.append(String.format(ROW, "", left.name(), right.name()));
		table.append(String.format(ROW, "t", header, header));
		List<Observation> rights = right.observations();
		List<Observation> lefts = left.observations();
		long nextMinute = 0;
		for (int i = 0; i < lefts.size() && !rights.isEmpty(); i++) {
			Observation observation = lefts.get(i);
			if (observation.at().toMinutes() >= nextMinute || i == lefts.size() - 1) {
				nextMinute = observation.at().toMinutes() + 1;
				table.append(String.format(ROW, clock(observation), side(observation),
						side(nearest(rights, observation.at()))));
			}
		}
		notes.forEach((note) -> table.append("[heap-growth] ").append(note).append('\n'));
		return table.toString();
	}

	/**
	 * The other service's observation from the same poll, or the closest to it when one
	 * report did not come.
	 */
	private static Observation nearest(List<Observation> observations, Duration at) {
		return observations.stream()
			.min(Comparator.comparing((Observation observation) -> observation.at().minus(at).abs()))
			.orElseThrow();
	}

	private static String clock(Observation observation) {
		long seconds = observation.at().toSeconds();
		return String.format("%d:%02d", seconds / 60, seconds % 60);
	}

	private static String side(Observation observation) {
		return String.format(SIDE, mib(observation.usedAfterGcBytes()), mib(observation.liveSetBytes()),
				growth(observation), full(observation), observation.level());
	}

	private static String mib(double bytes) {
		return Double.isNaN(bytes) ? "-" : String.format("%.1f", bytes / MIB);
	}

	private static String growth(Observation observation) {
		return observation.known() ? String.format("%.1f", observation.growthBytesPerSecond() / 1024) : "-";
	}

	private static String full(Observation observation) {
		if (!observation.known()) {
			return "-";
		}
		return Double.isNaN(observation.secondsUntilFull()) ? "\u221e"
				: String.format("%.1f", observation.secondsUntilFull() / 60);
	}

}
