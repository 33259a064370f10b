package dev.runtimemonitor.autoconfigure;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.runtimemonitor.autoconfigure.RuntimeMonitorProperties.Checks;
import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Check} is the one list of the checks. The properties keep a record per check,
 * because the configuration processor and the binder need a typed component for each, so
 * these fail, naming the check, when that record, {@link Checks#byCheck()} or the Javadoc
 * of {@link Checks} falls behind {@code Check}.
 */
class ChecksPropertiesTests {

	private static final Path SOURCE = Path.of("src", "main", "java", "dev", "runtimemonitor", "autoconfigure",
			"RuntimeMonitorProperties.java");

	private static final Duration SUSTAIN = Duration.ofSeconds(4321);

	@Test
	void theChecksRecordHasOneComponentPerCheckUnderItsIdInCheckOrder() {
		assertThat(Arrays.stream(Checks.class.getRecordComponents())
			.map((component) -> DataObjectPropertyName.toDashedForm(component.getName())))
			.containsExactly(Arrays.stream(Check.values()).map(Check::id).toArray(String[]::new));
	}

	@Test
	void byCheckHasEveryCheckInCheckOrder() {
		assertThat(bind(Map.of()).checks().byCheck().keySet()).containsExactly(Check.values());
	}

	@ParameterizedTest
	@EnumSource(Check.class)
	void itsPropertiesReachItsOwnSettingsAndPolicy(Check check) {
		String prefix = "runtime-monitor.checks." + check.id() + ".";
		Threshold threshold = Threshold.of(check.unit());
		RuntimeMonitorProperties properties = bind(
				Map.of(prefix + "enabled", "true", prefix + "warning", threshold.text(), prefix + "critical",
						threshold.text(), prefix + "sustain", SUSTAIN.toSeconds() + "s", prefix + "probe", "none"));

		assertThat(properties.checks().byCheck().entrySet()).as(check.id())
			.filteredOn((entry) -> entry.getValue().sustain().equals(SUSTAIN))
			.extracting(Map.Entry::getKey)
			.containsExactly(check);
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(properties, "runtime-monitor");
		properties.validate(properties, errors);
		assertThat(errors.getAllErrors()).as(check.id()).isEmpty();
		assertThat(properties.settings().policies()).as(check.id())
			.filteredOn((policy) -> policy.check() == check)
			.containsExactly(new CheckPolicy(check, threshold.baseUnit(), threshold.baseUnit(), SUSTAIN, Probe.NONE));
	}

	@ParameterizedTest
	@EnumSource(Check.class)
	void isDescribedInTheJavadocOfChecks(Check check) throws IOException {
		String source = Files.readString(SOURCE);
		int record = source.indexOf("public record Checks(");
		String javadoc = source.substring(source.lastIndexOf("/**", record), record);
		String component = Arrays.stream(Checks.class.getRecordComponents())
			.map(RecordComponent::getName)
			.filter((name) -> DataObjectPropertyName.toDashedForm(name).equals(check.id()))
			.findFirst()
			.orElseThrow();
		assertThat(javadoc).as(check.id()).contains("@param " + component + " ");
	}

	private static RuntimeMonitorProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(new HashMap<>(values))).bindOrCreate("runtime-monitor",
				Bindable.of(RuntimeMonitorProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
	}

	/**
	 * A threshold as a property writes it in a unit, and its value in the unit's base.
	 */
	private record Threshold(String text, double baseUnit) {

		static Threshold of(Unit unit) {
			return switch (unit) {
				case THREADS -> new Threshold("7", 7);
				case THREADS_PER_SECOND -> new Threshold("2.5", 2.5);
				case RATIO -> new Threshold("0.5", 0.5);
				case BYTES -> new Threshold("3MB", 3 * 1024 * 1024);
				case SECONDS -> new Threshold("90s", 90);
			};
		}

	}

}
