package dev.runtimemonitor.publishing.history;

import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Level;
import org.jspecify.annotations.Nullable;

/**
 * Every check's level packed into one {@code long}, three bits per check by its ordinal:
 * an hour of points then costs no list or map per point. 0 is a check that was not
 * evaluated; 1 to 4 are the levels.
 */
final class CheckLevels {

	private static final int BITS = 3;

	private static final long MASK = (1L << BITS) - 1;

	private static final Level[] LEVELS = Level.values();

	static {
		if (Check.values().length * BITS > Long.SIZE || LEVELS.length >= (1 << BITS)) {
			throw new IllegalStateException("Too many checks or levels to pack into a long");
		}
	}

	private CheckLevels() {
	}

	/**
	 * Pack the levels of the given results.
	 * @param results the results of one evaluation
	 * @return the packed levels
	 */
	static long pack(List<CheckResult> results) {
		long packed = 0;
		for (CheckResult result : results) {
			packed |= (long) (result.level().ordinal() + 1) << (result.check().ordinal() * BITS);
		}
		return packed;
	}

	/**
	 * The level of one check.
	 * @param packed the packed levels
	 * @param check the check
	 * @return its level, or {@code null} when the check was not evaluated
	 */
	static @Nullable Level unpack(long packed, Check check) {
		int code = (int) ((packed >>> (check.ordinal() * BITS)) & MASK);
		return (code != 0) ? LEVELS[code - 1] : null;
	}

}
