package dev.runtimemonitor.sampling.gc;

import java.util.Locale;
import java.util.Set;

/**
 * Short, stable names for what a pause did, so that the {@code kind} tag of the pause
 * histogram stays a small set: {@code Pause Init Mark (unload classes)} becomes
 * {@code init-mark}; the anonymous {@code GC Pause} of a stop-the-world collection
 * becomes {@code young} or {@code full} after its collection.
 */
final class PauseKinds {

	private static final Set<String> YOUNG_COLLECTIONS = Set.of("G1New", "ParallelScavenge", "DefNew");

	private static final Set<String> FULL_COLLECTIONS = Set.of("G1Full", "ParallelOld", "SerialOld");

	private PauseKinds() {
	}

	/**
	 * The kind of a pause JFR reported.
	 * @param collection the collection's name ({@code G1New}, {@code ZGC Minor}, ...)
	 * @param pauseName the pause's name ({@code GC Pause}, {@code Pause Remark}, ...)
	 * @return the kind
	 */
	static String of(String collection, String pauseName) {
		if (!pauseName.equals("GC Pause")) {
			return normalize(pauseName);
		}
		if (YOUNG_COLLECTIONS.contains(collection)) {
			return "young";
		}
		if (FULL_COLLECTIONS.contains(collection)) {
			return "full";
		}
		return "pause";
	}

	/**
	 * The kind of a pause a GC notification reported.
	 * @param action the notification's action ({@code end of minor GC},
	 * {@code Init Mark}, ...)
	 * @return the kind
	 */
	static String ofAction(String action) {
		return switch (action) {
			case "end of minor GC" -> "young";
			case "end of major GC" -> "full";
			case "end of GC pause" -> "pause";
			case "end of concurrent GC pause" -> "concurrent-phase";
			default -> normalize(action);
		};
	}

	private static String normalize(String name) {
		String kind = name.replaceFirst("^Pause ", "").replaceAll("\\s*\\(.*?\\)", "").trim();
		return kind.toLowerCase(Locale.ROOT).replace(' ', '-');
	}

}
