package dev.runtimemonitor.monitor.evidence;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextBoundTests {

	private final TextBound bound = new TextBound(1024);

	@Test
	void defaultBoundIs64KiB() {
		assertThat(TextBound.DEFAULT.maxBytes()).isEqualTo(65_536);
	}

	@Test
	void leavesATextThatFitsAsItIs() {
		String text = "x".repeat(1024);
		assertThat(this.bound.apply(text)).isSameAs(text);
	}

	@Test
	void cutsALongTextAtALineEndAndSaysWhatWasCut() {
		String text = lines(100, 40);
		String bounded = this.bound.apply(text);
		assertThat(utf8(bounded)).isLessThanOrEqualTo(1024);
		String head = bounded.substring(0, bounded.indexOf("[cut "));
		assertThat(text).startsWith(head);
		assertThat(head).endsWith("\n");
		int cutBytes = utf8(text) - utf8(head);
		long cutLines = text.substring(head.length()).lines().count();
		assertThat(bounded).endsWith(
				String.format("[cut %,d of 4,000 bytes, %d lines: evidence text is bounded to " + "1,024 bytes]%n",
						cutBytes, cutLines));
	}

	@Test
	void cutsBetweenCharactersWhenNoLineEndIsNear() {
		String text = "é".repeat(2000);
		String bounded = this.bound.apply(text);
		assertThat(utf8(bounded)).isLessThanOrEqualTo(1024);
		assertThat(bounded).startsWith("éééé").contains("\n[cut ").contains(" of 4,000 bytes, 1 lines");
	}

	@Test
	void neverSplitsACharacterOutsideTheBasicPlane() {
		String text = "😀".repeat(1000);
		String bounded = this.bound.apply(text);
		assertThat(utf8(bounded)).isLessThanOrEqualTo(1024);
		String head = bounded.substring(0, bounded.indexOf('\n'));
		assertThat(head.codePoints()).allMatch((codePoint) -> codePoint == "😀".codePointAt(0));
	}

	@Test
	void theDefaultBoundHoldsForAMegabyteOfText() {
		String bounded = TextBound.DEFAULT.apply(lines(20_000, 60));
		assertThat(utf8(bounded)).isLessThanOrEqualTo(TextBound.DEFAULT_MAX_BYTES)
			.isGreaterThan(TextBound.DEFAULT_MAX_BYTES * 3 / 4);
	}

	@Test
	void refusesABoundTooSmallForTheMarker() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TextBound(512))
			.withMessage("'maxBytes' must be at least 1024");
	}

	private static String lines(int count, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			String number = Integer.toString(i);
			text.append(number).append("-".repeat(length - 1 - number.length())).append('\n');
		}
		return text.toString();
	}

	private static int utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
