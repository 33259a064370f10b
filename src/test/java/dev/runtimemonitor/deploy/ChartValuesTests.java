package dev.runtimemonitor.deploy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.autoconfigure.CheckSettings;
import dev.runtimemonitor.autoconfigure.RuntimeMonitorProperties;
import dev.runtimemonitor.evaluation.Check;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's values.yaml lists every check the service has, in the service's order, and
 * the comment above each states the service's defaults, which the chart leaves in place:
 * they are held here to the ones the service really applies.
 */
class ChartValuesTests {

	private static final String VALUES = Yamls.read(HelmChart.DIRECTORY.resolve("values.yaml"));

	/**
	 * {@code App defaults: disabled, 1GB / 4GB, 15s, none.}: enabled unless it says
	 * disabled, warning / critical, sustain, probe.
	 */
	private static final Pattern DEFAULTS = Pattern
		.compile("App defaults: (disabled, )?(.+) / (.+), (\\S+), (\\S+)\\.");

	private static final RuntimeMonitorProperties SERVICE_DEFAULTS = new Binder(new MapConfigurationPropertySource())
		.bindOrCreate("runtime-monitor", RuntimeMonitorProperties.class);

	@Test
	void everyCheckIsListedInTheServicesOrder() {
		assertThat(Yamls.map(Yamls.parse(VALUES), "runtimeMonitor.checks").keySet())
			.containsExactly(Arrays.stream(Check.values()).map(Check::id).toArray(String[]::new));
	}

	@ParameterizedTest
	@EnumSource(Check.class)
	void theCommentAboveACheckStatesTheServicesDefaults(Check check) {
		String entry = "\n    " + check.id() + ": {";
		assertThat(VALUES).as(check.id()).contains(entry);
		String comment = commentAbove(VALUES.substring(0, VALUES.indexOf(entry)));
		Matcher defaults = DEFAULTS.matcher(comment.substring(Math.max(0, comment.lastIndexOf("App defaults:"))));
		assertThat(defaults.matches()).as(check.id() + ": " + comment).isTrue();
		CheckSettings<?> settings = SERVICE_DEFAULTS.checks().byCheck().get(check);
		String kind = HelmChart.schemaChecks().get(check.id());
		assertThat(defaults.group(1) == null).as(check.id() + " enabled").isEqualTo(settings.enabled());
		assertThat(threshold(kind, defaults.group(2))).as(check.id() + " warning").isEqualTo(settings.warning());
		assertThat(threshold(kind, defaults.group(3))).as(check.id() + " critical").isEqualTo(settings.critical());
		assertThat(DurationStyle.detectAndParse(defaults.group(4))).as(check.id() + " sustain")
			.isEqualTo(settings.sustain());
		assertThat(defaults.group(5)).as(check.id() + " probe")
			.isEqualTo(settings.probe().name().toLowerCase(Locale.ROOT));
	}

	/**
	 * The comment lines at the end of a text, as one line.
	 */
	private static String commentAbove(String before) {
		StringBuilder comment = new StringBuilder();
		for (String above : before.lines().toList().reversed()) {
			if (!above.trim().startsWith("#")) {
				break;
			}
			comment.insert(0, above.trim().substring(1).trim() + " ");
		}
		return comment.toString().trim();
	}

	/**
	 * A threshold the comment states, of the kind the schema gives the check;
	 * {@code null} for words that stand for no default ("no warning", "3 intervals").
	 */
	private static @Nullable Object threshold(String kind, String text) {
		try {
			return switch (kind) {
				case "count" -> Long.valueOf(text);
				case "rate", "ratio" -> Double.valueOf(text);
				case "size" -> DataSize.parse(text);
				case "duration" -> DurationStyle.detectAndParse(text);
				default -> throw new IllegalStateException("A kind of threshold the schema did not have: " + kind);
			};
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
