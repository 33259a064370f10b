package dev.runtimemonitor.agent;

import java.time.Duration;

import dev.runtimemonitor.autoconfigure.RuntimeMonitorProperties;
import dev.runtimemonitor.evaluation.Probe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The agent reads a property's text as Spring Boot's binder does: each form is held
 * against the conversion service the binder uses, for what it accepts and for what it
 * refuses.
 */
class PropertyConversionTests {

	private static final ConversionService spring = ApplicationConversionService.getSharedInstance();

	@ParameterizedTest
	@ValueSource(strings = { "5s", "500ms", "2m", "1h", "3d", "250us", "10ns", "1500", "0", "-5s", "5S", "5Ms", "PT1M",
			"pt0.5s", "-PT2H", "P1D" })
	void readsDurationsAsSpringBootDoes(String text) {
		assertThat(PropertyConversion.convert(text, "java.time.Duration")).isEqualTo(spring(text, Duration.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "5 s", "1.5s", "5x", "5sec", "P", "PT", "five", "99999999999999999999s" })
	void refusesWhatSpringBootRefusesAsADuration(String text) {
		assertThat(refusedBySpring(text, Duration.class)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> PropertyConversion.convert(text, "java.time.Duration"))
			.withMessage("is not a duration (such as 500ms, 5s, 2m, 1h or PT1M)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1GB", "512MB", "64KB", "2TB", "100B", "1048576", "0", "1 GB" })
	void readsSizesAsSpringBootDoesInBytes(String text) {
		assertThat(PropertyConversion.convert(text, "org.springframework.util.unit.DataSize"))
			.isEqualTo(spring(text, DataSize.class).toBytes());
	}

	@ParameterizedTest
	@ValueSource(strings = { "1gb", "1G", "1.5GB", "1PB", "many", "9999999999TB" })
	void refusesWhatSpringBootRefusesAsASize(String text) {
		if (!"9999999999TB".equals(text)) {
			assertThat(refusedBySpring(text, DataSize.class)).isTrue();
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PropertyConversion.convert(text, "org.springframework.util.unit.DataSize"))
			.withMessage("is not a size (such as 512MB or 1GB)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "false", "TRUE", "on", "off", "yes", "No", "1", "0" })
	void readsBooleansAsSpringBootDoes(String text) {
		assertThat(PropertyConversion.convert(text, "java.lang.Boolean")).isEqualTo(spring(text, Boolean.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "maybe", "2", "t" })
	void refusesWhatSpringBootRefusesAsABoolean(String text) {
		assertThat(refusedBySpring(text, Boolean.class)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> PropertyConversion.convert(text, "java.lang.Boolean"))
			.withMessage("is not true or false");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.8", "1", "1e-3", "-0.5", "10.0" })
	void readsNumbersAsSpringBootDoes(String text) {
		assertThat(PropertyConversion.convert(text, "java.lang.Double")).isEqualTo(spring(text, Double.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "8000", "-1", "0", "+5" })
	void readsWholeNumbersAsSpringBootDoes(String text) {
		assertThat(PropertyConversion.convert(text, "java.lang.Long")).isEqualTo(spring(text, Long.class));
		assertThat(PropertyConversion.convert(text, "java.lang.Integer")).isEqualTo(spring(text, Integer.class));
	}

	@Test
	void refusesWhatIsNoNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> PropertyConversion.convert("high", "java.lang.Double"))
			.withMessage("is not a number");
		assertThatIllegalArgumentException().isThrownBy(() -> PropertyConversion.convert("1.5", "java.lang.Long"))
			.withMessage("is not a whole number");
	}

	@ParameterizedTest
	@ValueSource(strings = { "liveness", "LIVENESS", "Readiness", "none" })
	void readsEnumConstantsAsSpringBootDoes(String text) {
		assertThat(PropertyConversion.convert(text, Probe.class.getName())).isEqualTo(spring(text, Probe.class));
	}

	@Test
	void readsTheGcEventsConstantsByTheTypeTheMetadataNames() {
		assertThat(PropertyConversion.convert("notifications", RuntimeMonitorProperties.GcEvents.class.getName()))
			.isEqualTo(RuntimeMonitorProperties.GcEvents.NOTIFICATIONS);
	}

	@Test
	void refusesAConstantThatIsNoneNamingTheConstants() {
		assertThat(refusedBySpring("sometimes", Probe.class)).isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PropertyConversion.convert("sometimes", Probe.class.getName()))
			.withMessage("is not one of liveness, readiness, none");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void emptyTextIsNoValue(String text) {
		assertThat(PropertyConversion.convert(text, "java.time.Duration")).isNull();
		assertThat(PropertyConversion.convert(text, "java.lang.Long")).isNull();
	}

	@Test
	void aTypeItDoesNotKnowIsAMistakeOfTheAgent() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> PropertyConversion.convert("x", "java.net.URI"))
			.withMessage("The agent cannot read properties of type java.net.URI");
	}

	private static <T> @Nullable T spring(String text, Class<T> type) {
		return spring.convert(text, type);
	}

	private static boolean refusedBySpring(String text, Class<?> type) {
		try {
			spring.convert(text, type);
			return false;
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

}
