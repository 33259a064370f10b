package dev.runtimemonitor.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.runtimemonitor.agent.PropertyCatalog.Property;
import dev.runtimemonitor.agent.PropertyValues.Value;
import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.monitor.evidence.EvidenceKind;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import dev.runtimemonitor.settings.MonitorSettings;
import dev.runtimemonitor.settings.MonitorSettings.ConfiguredCheck;
import dev.runtimemonitor.settings.SettingProblem;
import org.jspecify.annotations.Nullable;

/**
 * The monitor's settings from the properties' values: each read into its type, then
 * judged by the rules every front of the library keeps ({@link MonitorSettings}). Every
 * problem is gathered, so that one message names them all.
 */
final class AgentSettings {

	private final PropertyCatalog catalog;

	private final PropertyValues values;

	private final List<String> problems = new ArrayList<>();

	private AgentSettings(PropertyCatalog catalog, PropertyValues values) {
		this.catalog = catalog;
		this.values = values;
	}

	/**
	 * Read the settings.
	 * @param catalog the properties
	 * @param values their values
	 * @return the settings
	 * @throws AgentStartException naming every value that cannot be read or makes no
	 * sense
	 */
	static MonitorSettings read(PropertyCatalog catalog, PropertyValues values) {
		AgentSettings reader = new AgentSettings(catalog, values);
		MonitorSettings settings = reader.settings();
		for (SettingProblem problem : settings.problems()) {
			reader.problems.add(reader.value(dashed(problem.field())).describe() + ": " + problem.message());
		}
		if (!reader.problems.isEmpty()) {
			throw new AgentStartException(String.join("\n", reader.problems));
		}
		return settings;
	}

	private MonitorSettings settings() {
		List<ConfiguredCheck> checks = new ArrayList<>();
		for (Check check : Check.values()) {
			String prefix = "checks." + check.id() + ".";
			CheckPolicy policy = new CheckPolicy(check, threshold(prefix + "warning"), threshold(prefix + "critical"),
					duration(prefix + "sustain"), required(prefix + "probe", Probe.class));
			checks.add(new ConfiguredCheck(policy, bool(prefix + "enabled")));
		}
		Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
		for (EvidenceKind kind : EvidenceKind.values()) {
			if (bool("evidence." + kind.id() + ".enabled")) {
				kinds.add(kind);
			}
		}
		MonitorSettings.Evidence evidence = new MonitorSettings.Evidence(bool("evidence.enabled"), kinds,
				duration("evidence.keep-for"), duration("evidence.repeat-after"),
				duration("evidence.class-histogram.min-interval"));
		return new MonitorSettings(bool("enabled"), duration("interval"), duration("window"),
				duration("deadlock-interval"), duration("critical-reminder"),
				GcEventSubscription.Source.valueOf(required("gc-events", Enum.class).name()),
				required("history-size", Integer.class), bool("thread-states"), bool("process-cpu"), checks,
				evidence);
	}

	private boolean bool(String name) {
		return required(name, Boolean.class);
	}

	private Duration duration(String name) {
		return required(name, Duration.class);
	}

	/**
	 * A threshold in its check's base unit: a count, a number, bytes, or a duration in
	 * seconds; {@code NaN} when it has no value.
	 */
	private double threshold(String name) {
		Object threshold = typed(value(name));
		if (threshold instanceof Duration duration) {
			return Seconds.of(duration);
		}
		return (threshold != null) ? ((Number) threshold).doubleValue() : Double.NaN;
	}

	private <T> T required(String name, Class<T> type) {
		return type.cast(Objects.requireNonNull(typed(value(name)), name));
	}

	/**
	 * A value in its type. Empty text is refused, as the library refuses it (Spring Boot
	 * leaves it unbound). Where the text cannot be read the problem is noted and the
	 * default stands in, so that the other settings are still judged.
	 */
	private @Nullable Object typed(Value value) {
		Property property = value.property();
		String text = value.text();
		if (text != null && text.isBlank() && !value.isDefault()) {
			this.problems.add(value.describe() + ": is empty; leave the property out for its default");
		}
		else if (text != null && !text.isBlank()) {
			try {
				return PropertyConversion.convert(text, property.type());
			}
			catch (IllegalArgumentException ex) {
				this.problems.add(value.describe() + ": " + ex.getMessage());
			}
		}
		String defaultValue = property.defaultValue();
		return (defaultValue != null) ? PropertyConversion.convert(defaultValue, property.type()) : null;
	}

	private Value value(String name) {
		Property property = this.catalog.get(name);
		return this.values.get(property);
	}

	/** A field as Spring's binder names it ({@code evidence.keepFor}), as a property does. */
	static String dashed(String field) {
		StringBuilder name = new StringBuilder(field.length() + 4);
		for (char c : field.toCharArray()) {
			if (Character.isUpperCase(c)) {
				name.append('-').append(Character.toLowerCase(c));
			}
			else {
				name.append(c);
			}
		}
		return name.toString();
	}

}
