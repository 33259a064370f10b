package dev.runtimemonitor.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code GET} over a socket of its own, and what the client saw become of it: the
 * connection refused, the connection let go before a single byte of answer, the answer
 * whole as its own framing ({@code Content-Length} or chunks) says, the answer cut after
 * it began, or no end within the read timeout. Nothing here depends on how the JDK words
 * an exception.
 *
 * @param outcome what became of the request
 * @param status the answer's status, 0 when there was none
 * @param received how many bytes of answer arrived
 */
record RawExchange(Outcome outcome, int status, int received) {

	private static final int TIMEOUT_MILLIS = 10_000;

	private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length: *(\\d+)");

	enum Outcome {

		/** The connection was refused: nothing listened any more. */
		REFUSED,
		/** Connected, but not one byte of answer before the server closed or reset. */
		NOT_ANSWERED,
		/** The whole answer, as its framing says. */
		ANSWERED,
		/** Part of an answer, then the connection ended. */
		CUT,
		/** No end of the answer within the read timeout. */
		TIMED_OUT

	}

	static RawExchange send(int port, String path) {
		try (Socket socket = new Socket()) {
			try {
				socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
			}
			catch (ConnectException ex) {
				return new RawExchange(Outcome.REFUSED, 0, 0);
			}
			socket.setSoTimeout(TIMEOUT_MILLIS);
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			boolean ended = true;
			try {
				socket.getOutputStream()
					.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				readUntilClosed(socket.getInputStream(), answer);
			}
			catch (SocketTimeoutException ex) {
				return new RawExchange(Outcome.TIMED_OUT, 0, answer.size());
			}
			catch (IOException ex) {
				// A write the server refused or a reset: judged by what arrived.
				ended = false;
			}
			return judge(answer.toByteArray(), ended);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not use a socket to 127.0.0.1:" + port, ex);
		}
	}

	private static void readUntilClosed(InputStream in, ByteArrayOutputStream answer) throws IOException {
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) != -1) {
			answer.write(buffer, 0, read);
		}
	}

	/**
	 * Judge what arrived by the answer's own framing.
	 * @param bytes the bytes of answer
	 * @param closedCleanly whether the server ended the connection with a close rather
	 * than a reset, which is the only end of an answer framed by the close
	 */
	static RawExchange judge(byte[] bytes, boolean closedCleanly) {
		if (bytes.length == 0) {
			return new RawExchange(Outcome.NOT_ANSWERED, 0, 0);
		}
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int headEnd = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || headEnd < 0 || text.length() < 12) {
			return new RawExchange(Outcome.CUT, 0, bytes.length);
		}
		int status = Integer.parseInt(text.substring(9, 12));
		String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
		String body = text.substring(headEnd + 4);
		Matcher length = CONTENT_LENGTH.matcher(head);
		boolean whole;
		if (head.contains("\r\ntransfer-encoding: chunked")) {
			whole = isWholeChunked(body);
		}
		else if (length.find()) {
			whole = body.length() == Long.parseLong(length.group(1));
		}
		else {
			whole = closedCleanly;
		}
		return new RawExchange(whole ? Outcome.ANSWERED : Outcome.CUT, status, bytes.length);
	}

	/**
	 * Whether a chunked body is all there: each chunk as long as its size line says, up
	 * to the last, empty one and the blank line after it.
	 */
	private static boolean isWholeChunked(String body) {
		int at = 0;
		while (true) {
			int lineEnd = body.indexOf("\r\n", at);
			if (lineEnd < 0) {
				return false;
			}
			String size = body.substring(at, lineEnd);
			int extension = size.indexOf(';');
			int length;
			try {
				length = Integer.parseInt((extension < 0) ? size.trim() : size.substring(0, extension).trim(), 16);
			}
			catch (NumberFormatException ex) {
				return false;
			}
			if (length == 0) {
				// The trailer section, empty or not, ends with a blank line
				return body.indexOf("\r\n\r\n", lineEnd) >= 0;
			}
			at = lineEnd + 2 + length;
			if (!body.startsWith("\r\n", at)) {
				return false;
			}
			at += 2;
		}
	}

}
