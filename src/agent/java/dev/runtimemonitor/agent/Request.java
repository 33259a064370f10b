package dev.runtimemonitor.agent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * What a route reads of a GET: the {@code Accept} header and the query. The query is
 * read only by the route that takes a parameter ({@code /runtime/history?since=});
 * every other route ignores it, as the actuator does.
 *
 * @param accept the {@code Accept} header, or {@code null} when absent
 * @param query the raw query, or {@code null} when absent
 */
record Request(@Nullable String accept, @Nullable String query) {

	/**
	 * A query parameter's value: the first one when given more than once.
	 * @param name the parameter's name
	 * @return the value, decoded, or as written when it cannot be decoded; {@code null}
	 * when absent
	 */
	@Nullable String parameter(String name) {
		String query = this.query;
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			if (key.equals(name)) {
				return decode((equals < 0) ? "" : pair.substring(equals + 1));
			}
		}
		return null;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A bad escape: the route refuses the value as written, in its own words.
			return value;
		}
	}

}
