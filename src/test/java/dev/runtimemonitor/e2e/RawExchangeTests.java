package dev.runtimemonitor.e2e;

import java.nio.charset.StandardCharsets;

import dev.runtimemonitor.e2e.RawExchange.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawExchangeTests {

	@Test
	void noByteOfAnswerIsNotAnswered() {
		assertThat(judge("", true)).isEqualTo(new RawExchange(Outcome.NOT_ANSWERED, 0, 0));
		assertThat(judge("", false).outcome()).isEqualTo(Outcome.NOT_ANSWERED);
	}

	@Test
	void anAnswerAsLongAsItsContentLengthIsWholeAndOneShorterIsCut() {
		String head = "HTTP/1.1 503 \r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n";
		assertThat(judge(head + "{\"status\":\"UP\"}", true).outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(judge(head + "{\"status\":\"UP\"}", true).status()).isEqualTo(503);
		assertThat(judge(head + "{\"status\":\"UP\"", false).outcome()).isEqualTo(Outcome.CUT);
	}

	@Test
	void aChunkedAnswerIsWholeOnlyWithItsLastChunkAndTheBlankLineAfterIt() {
		String head = "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n";
		assertThat(judge(head + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", true).outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(judge(head + "5\r\nhello\r\n0\r\nX-Trailer: 1\r\n\r\n", true).outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(judge(head + "5\r\nhello\r\n6\r\n wor", false).outcome()).isEqualTo(Outcome.CUT);
		assertThat(judge(head + "5\r\nhello\r\n", true).outcome()).isEqualTo(Outcome.CUT);
		assertThat(judge(head + "5\r\nhello\r\n0\r\n", true).outcome()).isEqualTo(Outcome.CUT);
		assertThat(judge(head + "a\r\nhello\r\n0\r\n\r\n", true).outcome()).as("a chunk shorter than its size")
			.isEqualTo(Outcome.CUT);
	}

	@Test
	void anAnswerCutInItsHeadIsCut() {
		assertThat(judge("HTTP/1.1 200 \r\nContent-Ty", false).outcome()).isEqualTo(Outcome.CUT);
		assertThat(judge("HTT", false).outcome()).isEqualTo(Outcome.CUT);
	}

	@Test
	void anAnswerFramedByTheCloseIsWholeOnlyWhenTheServerClosedRatherThanReset() {
		String answer = "HTTP/1.1 200 \r\nConnection: close\r\n\r\nbody";
		assertThat(judge(answer, true).outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(judge(answer, false).outcome()).isEqualTo(Outcome.CUT);
	}

	private static RawExchange judge(String bytes, boolean closedCleanly) {
		return RawExchange.judge(bytes.getBytes(StandardCharsets.ISO_8859_1), closedCleanly);
	}

}
