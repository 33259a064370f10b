package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.runtimemonitor.testsupport.AppProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar refuses every invalid configuration at start-up, naming the property
 * in what it prints, and never starts serving.
 * <p>
 * Each setting gets a JVM of its own, as a user's start would, but two start-ups overlap:
 * each case starts the next case's JVM before it waits for its own, so a two-core machine
 * runs both. A start-up that ends at the binding failure is all class loading and
 * interpreting, so the JVM runs with the client compiler alone (the server compiler never
 * pays back in four seconds) and the serial collector (which the JVM picks itself on a
 * small machine): half the CPU of a default start, and nothing of what is tested, the
 * jar's binding and failure report, changes with either.
 */
class BadConfigurationIT {

	private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private static final List<BadSetting> SETTINGS = List.of(
			new BadSetting("--runtime-monitor.interval=0s", "runtime-monitor.interval"),
			new BadSetting("--runtime-monitor.interval=-5s", "runtime-monitor.interval"),
			new BadSetting("--runtime-monitor.window=5s", "runtime-monitor.window"),
			new BadSetting("--runtime-monitor.deadlock-interval=0s", "runtime-monitor.deadlock-interval"),
			new BadSetting("--runtime-monitor.history-size=0", "runtime-monitor.history-size"),
			new BadSetting("--runtime-monitor.gc-events=magic", "runtime-monitor.gc-events"),
			new BadSetting("--runtime-monitor.checks.heap.warning=1.5", "runtime-monitor.checks.heap.warning"),
			new BadSetting("--runtime-monitor.checks.threads.warning=6000", "runtime-monitor.checks.threads.warning"),
			new BadSetting("--runtime-monitor.checks.threads.critical=lots", "runtime-monitor.checks.threads.critical"),
			new BadSetting("--runtime-monitor.checks.gc-pause.critical=0s", "runtime-monitor.checks.gc-pause.critical"),
			new BadSetting("--runtime-monitor.checks.sampler.sustain=-1s", "runtime-monitor.checks.sampler.sustain"),
			new BadSetting("--runtime-monitor.checks.threads.probe=sometimes", "runtime-monitor.checks.threads.probe"),
			new BadSetting("--runtime-monitor.checks.no-such-check.warning=1",
					"runtime-monitor.checks.no-such-check.warning"),
			new BadSetting("--runtime-monitor.intervall=5s", "runtime-monitor.intervall"));

	/** The JVMs started ahead of their case, by the setting they were started with. */
	private static final Map<String, AppProcess> startedAhead = new ConcurrentHashMap<>();

	static Stream<Arguments> badSettings() {
		return SETTINGS.stream().map((setting) -> Arguments.of(setting.argument(), setting.property()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSettings")
	void refusesToStartAndNamesTheProperty(String argument, String property) throws Exception {
		try (AppProcess app = startWithTheNext(argument)) {
			assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.output()).isNotZero();
			assertThat(app.output()).contains("APPLICATION FAILED TO START")
				.contains(property)
				.doesNotContain("Tomcat started");
		}
	}

	@AfterAll
	static void stopWhatNoCaseTook() throws InterruptedException {
		for (AppProcess app : startedAhead.values()) {
			app.close();
		}
		startedAhead.clear();
	}

	/**
	 * This case's JVM, started now or by the case before, and the next case's, started
	 * now, so that it starts up while this one is judged.
	 */
	private static AppProcess startWithTheNext(String argument) {
		AppProcess app = startedAhead.containsKey(argument) ? startedAhead.remove(argument) : start(argument);
		SETTINGS.stream()
			.dropWhile((setting) -> !setting.argument().equals(argument))
			.skip(1)
			.findFirst()
			.ifPresent((next) -> startedAhead.computeIfAbsent(next.argument(), BadConfigurationIT::start));
		return app;
	}

	private static AppProcess start(String argument) {
		try {
			return AppProcess.start(JVM_OPTIONS, List.of(argument));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record BadSetting(String argument, String property) {
	}

}
