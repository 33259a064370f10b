package dev.runtimemonitor.publishing.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SinceTests {

	@Test
	void readsEpochMilliseconds() {
		assertThat(Since.parse("1764262347289")).isEqualTo(1764262347289L);
		assertThat(Since.parse("0")).isZero();
	}

	@Test
	void readsAnIsoInstant() {
		assertThat(Since.parse("2025-11-27T16:52:27.289Z")).isEqualTo(1764262347289L);
	}

	@Test
	void meansEverythingWhenAbsent() {
		assertThat(Since.parse(null)).isEqualTo(Long.MIN_VALUE);
		assertThat(Since.parse("")).isEqualTo(Long.MIN_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "-5", "1.5", "99999999999999999999", "2026-11-27", "2026-11-27T18:52:27" })
	void refusesAnythingElseSayingWhatItExpects(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> Since.parse(value))
			.withMessage("Invalid 'since' parameter '" + value + "': " + Since.EXPECTED);
	}

	@Test
	void shortensALongBadValueInTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> Since.parse("x".repeat(500)))
			.withMessageStartingWith("Invalid 'since' parameter '" + "x".repeat(40) + "...'");
	}

}
