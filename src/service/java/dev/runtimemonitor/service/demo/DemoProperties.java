package dev.runtimemonitor.service.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Bounds of the fault scenarios of the {@code demo} profile. A prefix of their own, since
 * {@code runtime-monitor.*} refuses unknown keys and these only exist with the profile.
 * Unknown keys under {@code demo} are refused too, so a misspelt bound is never silently
 * ignored.
 */
@ConfigurationProperties(prefix = "demo", ignoreUnknownFields = false)
public class DemoProperties implements Validator {

	/** The highest share of the maximum heap a scenario may retain. */
	static final double HIGHEST_HEAP_SHARE = 0.95;

	/** The most native memory a scenario may be allowed to hold. */
	static final int HIGHEST_NATIVE_MEGABYTES = 16 * 1024;

	/** The longest a churn may be allowed to run. */
	static final Duration LONGEST_CHURN = Duration.ofHours(1);

	private final Heap heap = new Heap();

	private final Garbage garbage = new Garbage();

	private final Native nativeMemory = new Native();

	public Heap getHeap() {
		return this.heap;
	}

	public Garbage getGarbage() {
		return this.garbage;
	}

	public Native getNativeMemory() {
		return this.nativeMemory;
	}

	@Override
	public boolean supports(Class<?> type) {
		return DemoProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		DemoProperties properties = (DemoProperties) target;
		double share = properties.heap.maxShare;
		if (!(share > 0 && share <= HIGHEST_HEAP_SHARE)) {
			errors.rejectValue("heap.maxShare", "range",
					"must be more than 0 and at most " + HIGHEST_HEAP_SHARE + " of the maximum heap");
		}
		int nativeMegabytes = properties.nativeMemory.maxMegabytes;
		if (nativeMegabytes < 1 || nativeMegabytes > HIGHEST_NATIVE_MEGABYTES) {
			errors.rejectValue("nativeMemory.maxMegabytes", "range",
					"must be between 1 and " + HIGHEST_NATIVE_MEGABYTES);
		}
		Duration churn = properties.garbage.maxDuration;
		if (churn.toSeconds() < 1 || churn.compareTo(LONGEST_CHURN) > 0) {
			errors.rejectValue("garbage.maxDuration", "range", "must be between 1s and " + LONGEST_CHURN);
		}
	}

	/**
	 * Retained heap.
	 */
	public static class Heap {

		/**
		 * Highest share of the maximum heap that POST /demo/heap may retain in total.
		 */
		private double maxShare = 0.8;

		public double getMaxShare() {
			return this.maxShare;
		}

		public void setMaxShare(double maxShare) {
			this.maxShare = maxShare;
		}

	}

	/**
	 * Allocation churn.
	 */
	public static class Garbage {

		/**
		 * Longest time POST /demo/garbage may churn.
		 */
		private Duration maxDuration = Duration.ofMinutes(5);

		public Duration getMaxDuration() {
			return this.maxDuration;
		}

		public void setMaxDuration(Duration maxDuration) {
			this.maxDuration = maxDuration;
		}

	}

	/**
	 * Native memory.
	 */
	public static class Native {

		/**
		 * Most native memory POST /demo/native may hold in total, in megabytes; the JVM's
		 * -XX:MaxDirectMemorySize bounds it too.
		 */
		private int maxMegabytes = 1024;

		public int getMaxMegabytes() {
			return this.maxMegabytes;
		}

		public void setMaxMegabytes(int maxMegabytes) {
			this.maxMegabytes = maxMegabytes;
		}

	}

}
