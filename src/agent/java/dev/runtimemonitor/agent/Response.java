package dev.runtimemonitor.agent;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP response of the agent's.
 *
 * @param status the status code
 * @param contentType the content type
 * @param body the body
 */
record Response(int status, String contentType, byte[] body) {

	static final int OK = 200;

	static final int BAD_REQUEST = 400;

	static final int SERVICE_UNAVAILABLE = 503;

	/**
	 * A JSON response.
	 * @param status the status code
	 * @param value the JSON value: maps, lists, text, numbers and booleans
	 * @return the response
	 */
	static Response json(int status, Object value) {
		return new Response(status, "application/json", Json.write(value));
	}

	/**
	 * A text response.
	 * @param status the status code
	 * @param text the text
	 * @return the response
	 */
	static Response text(int status, String text) {
		return new Response(status, "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
	}

}
