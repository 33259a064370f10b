package dev.runtimemonitor.e2e;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import dev.runtimemonitor.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One check over the monitor's recent samples, from {@code /runtime/history}: when each
 * sample was taken, by the monitor's clock, what it measured and the level it judged. A
 * time read from it is the monitor's own, whatever delays whoever polls it.
 *
 * @param samples the samples, oldest first
 */
record MonitorTimeline(List<Sample> samples) {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The check's samples as the service's history holds them now.
	 * @param port the service's port
	 * @param check the check's name
	 * @param value what the check measures, from a history point; {@code NaN} when the
	 * history does not carry it
	 * @return the timeline
	 */
	static MonitorTimeline read(int port, String check, ToDoubleFunction<JsonNode> value) {
		JsonNode points = json.readTree(Http.get(port, "/runtime/history").body()).path("points");
		return new MonitorTimeline(StreamSupport.stream(points.spliterator(), false)
			.map((point) -> new Sample(point.path("epochMillis").asLong(), value.applyAsDouble(point),
					point.path("levels").path(check).asString("(not evaluated)")))
			.toList());
	}

	/**
	 * The first sample taken after a moment.
	 * @param epochMillis the moment, by the same wall clock the monitor stamps with
	 * @return its index, or -1 when there is none yet
	 */
	int firstAfter(long epochMillis) {
		return first(0, (sample) -> sample.epochMillis() > epochMillis);
	}

	/**
	 * The first sample at or after an index that the check judged critical.
	 * @param from the index to start from
	 * @return its index, or -1 when there is none yet
	 */
	int firstCritical(int from) {
		return first(from, Sample::critical);
	}

	/**
	 * The first sample at or after an index that the check judged below critical.
	 * @param from the index to start from
	 * @return its index, or -1 when there is none yet
	 */
	int firstNotCritical(int from) {
		return first(from, (sample) -> !sample.critical());
	}

	/**
	 * Where the uninterrupted run of samples measured at or above a threshold that ends
	 * at an index starts: the start of the breach, as the sustain counts it.
	 * @param end the last sample of the run
	 * @param threshold the threshold
	 * @return the index of the run's first sample
	 */
	int breachStart(int end, double threshold) {
		int start = end;
		while (start > 0 && this.samples.get(start - 1).value() >= threshold) {
			start--;
		}
		return start;
	}

	Sample get(int index) {
		return this.samples.get(index);
	}

	/**
	 * The last samples, one a line, for a failure report.
	 */
	@Override
	public String toString() {
		return this.samples.subList(Math.max(0, this.samples.size() - 24), this.samples.size())
			.stream()
			.map((sample) -> Instant.ofEpochMilli(sample.epochMillis()) + " " + sample.value() + " " + sample.level())
			.collect(Collectors.joining("\n", "\n", ""));
	}

	private int first(int from, Predicate<Sample> condition) {
		return IntStream.range(Math.max(from, 0), this.samples.size())
			.filter((index) -> condition.test(this.samples.get(index)))
			.findFirst()
			.orElse(-1);
	}

	/**
	 * One sample of the check.
	 *
	 * @param epochMillis when the monitor took it
	 * @param value what the check measured; {@code NaN} when unknown or not in the
	 * history
	 * @param level the level the check was judged at, sustain applied
	 */
	record Sample(long epochMillis, double value, String level) {

		boolean critical() {
			return "critical".equals(this.level);
		}

	}

}
