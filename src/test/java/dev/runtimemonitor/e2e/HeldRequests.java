package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests that each hold one of a servlet container's worker threads for as long as the
 * test wants: a form {@code POST} to a servlet that reads its parameters, with part of
 * the body sent. The worker waits, blocked, for the rest, up to the connector's
 * {@code connectionTimeout} (Tomcat's {@code server.xml} sets 20 s); {@link #release()}
 * sends it and reads every answer. The count is the test's, and so is the time.
 */
final class HeldRequests implements AutoCloseable {

	private static final int TIMEOUT_MILLIS = 10_000;

	private static final byte[] BODY = "firstname=held&lastname=request".getBytes(StandardCharsets.US_ASCII);

	/** What is sent at first: a part of the body, so that the servlet waits for more. */
	private static final int FIRST_PART = 5;

	private final List<Socket> sockets = new ArrayList<>();

	private HeldRequests() {
	}

	/**
	 * Send the requests, each on a connection of its own, all but the end of the body.
	 * @param port the container's port on 127.0.0.1
	 * @param path the servlet's path
	 * @param count how many
	 * @return the requests, held
	 */
	static HeldRequests hold(int port, String path, int count) {
		HeldRequests held = new HeldRequests();
		try {
			for (int i = 0; i < count; i++) {
				Socket socket = new Socket();
				held.sockets.add(socket);
				socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
				socket.setSoTimeout(TIMEOUT_MILLIS);
				socket.getOutputStream()
					.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
							+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + BODY.length
							+ "\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				socket.getOutputStream().write(BODY, 0, FIRST_PART);
				socket.getOutputStream().flush();
			}
			return held;
		}
		catch (IOException ex) {
			held.close();
			throw new UncheckedIOException("Could not hold request " + held.sockets.size() + " of " + count, ex);
		}
	}

	/**
	 * Send the rest of every body, and read every answer to its end.
	 * @return the status line of each answer, in the order the requests were sent
	 */
	List<String> release() {
		try {
			for (Socket socket : this.sockets) {
				socket.getOutputStream().write(BODY, FIRST_PART, BODY.length - FIRST_PART);
				socket.getOutputStream().flush();
			}
			List<String> statuses = new ArrayList<>();
			for (Socket socket : this.sockets) {
				statuses.add(statusLine(socket.getInputStream()));
			}
			return statuses;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not release the held requests", ex);
		}
	}

	/** The answer's first line; the rest is read to the end the server closes. */
	private static String statusLine(InputStream in) throws IOException {
		String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		int end = answer.indexOf("\r\n");
		return (end < 0) ? answer : answer.substring(0, end);
	}

	@Override
	public void close() {
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closing the test's side only; nothing to do about it.
			}
		}
	}

}
