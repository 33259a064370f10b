package dev.runtimemonitor.evaluation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FigureFormatterTests {

	@Test
	void writesEachUnitWithItsName() {
		assertThat(FigureFormatter.format(Unit.THREADS, 5012)).isEqualTo("5012 threads");
		assertThat(FigureFormatter.format(Unit.THREADS_PER_SECOND, 1.5)).isEqualTo("1.50 threads/s");
		assertThat(FigureFormatter.format(Unit.RATIO, 0.931)).isEqualTo("93.1%");
		assertThat(FigureFormatter.format(Unit.BYTES, 1.2 * 1024 * 1024 * 1024)).isEqualTo("1.2 GiB");
		assertThat(FigureFormatter.format(Unit.SECONDS, 0.00425)).isEqualTo("4.25 ms");
	}

	@Test
	void writesAnUnknownFigureAsUnknown() {
		assertThat(FigureFormatter.format(Unit.RATIO, Double.NaN)).isEqualTo("unknown");
		assertThat(FigureFormatter.bytes(Double.NaN)).isEqualTo("unknown");
		assertThat(FigureFormatter.bytes(-1)).isEqualTo("unknown");
		assertThat(FigureFormatter.bytesPerSecond(Double.NaN)).isEqualTo("unknown");
		assertThat(FigureFormatter.seconds(Double.NaN)).isEqualTo("unknown");
		assertThat(FigureFormatter.number(Double.NaN, 2)).isEqualTo("unknown");
	}

	@Test
	void writesBytesInBinaryUnits() {
		assertThat(FigureFormatter.bytes(512)).isEqualTo("512 B");
		assertThat(FigureFormatter.bytes(1536)).isEqualTo("1.5 KiB");
		assertThat(FigureFormatter.bytesPerSecond(12.3 * 1024 * 1024)).isEqualTo("12.3 MiB/s");
	}

	@Test
	void writesSecondsFromMicrosecondsToHours() {
		assertThat(FigureFormatter.seconds(0.000012)).isEqualTo("0.012 ms");
		assertThat(FigureFormatter.seconds(0.312)).isEqualTo("312 ms");
		assertThat(FigureFormatter.seconds(89.8)).isEqualTo("89.8 s");
		assertThat(FigureFormatter.seconds(41 * 60)).isEqualTo("41 min");
		assertThat(FigureFormatter.seconds(3 * 3600)).isEqualTo("3.0 h");
		assertThat(FigureFormatter.seconds(Double.POSITIVE_INFINITY)).isEqualTo("never");
	}

	@Test
	void writesDurationsTheWayPropertiesDo() {
		assertThat(FigureFormatter.duration(Duration.ofMillis(250))).isEqualTo("250ms");
		assertThat(FigureFormatter.duration(Duration.ofSeconds(60))).isEqualTo("60s");
		assertThat(FigureFormatter.duration(Duration.ofMinutes(5))).isEqualTo("300s");
		assertThat(FigureFormatter.duration(Duration.ofHours(1))).isEqualTo("1h");
		assertThat(FigureFormatter.duration(Duration.ZERO)).isEqualTo("0s");
	}

}
