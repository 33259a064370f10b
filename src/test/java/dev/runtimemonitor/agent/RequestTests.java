package dev.runtimemonitor.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTests {

	@Test
	void readsAParameterDecoded() {
		Request request = new Request(null, "x=1&since=2025-11-27T16%3A52%3A27Z&since=2");
		assertThat(request.parameter("since")).isEqualTo("2025-11-27T16:52:27Z");
		assertThat(request.parameter("x")).isEqualTo("1");
	}

	@Test
	void hasNoParameterWithoutOne() {
		assertThat(new Request(null, null).parameter("since")).isNull();
		assertThat(new Request(null, "sincere=1").parameter("since")).isNull();
		assertThat(new Request(null, "since").parameter("since")).isEmpty();
	}

	@Test
	void keepsAValueWithABadEscapeAsWritten() {
		assertThat(new Request(null, "since=%zz").parameter("since")).isEqualTo("%zz");
	}

}
