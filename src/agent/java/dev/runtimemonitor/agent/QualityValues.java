package dev.runtimemonitor.agent;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How much a client wants a media type ({@code Accept}) or a content coding
 * ({@code Accept-Encoding}), by the header's quality values (RFC 9110, 12.4.2): the
 * {@code q} of the most specific element that matches, {@code type/subtype} before
 * {@code type/*} before {@code *}{@code /*} (or a coding before {@code *}). An element
 * whose {@code q} is no number from 0 to 1 is left out, as if not sent.
 */
final class QualityValues {

	private QualityValues() {
	}

	/**
	 * How much a header's client wants a value.
	 * @param header the header, or {@code null} when absent
	 * @param value a media type without parameters ({@code text/plain}) or a content
	 * coding ({@code gzip})
	 * @return the quality, {@code 0} when nothing in the header matches
	 */
	static Quality of(@Nullable String header, String value) {
		if (header == null) {
			return Quality.NONE;
		}
		String wanted = value.toLowerCase(Locale.ROOT);
		String anySubtype = wanted.contains("/") ? wanted.substring(0, wanted.indexOf('/')) + "/*" : null;
		Quality best = Quality.NONE;
		int bestSpecificity = -1;
		for (String element : header.split(",")) {
			String[] parts = element.split(";", -1);
			String name = parts[0].trim().toLowerCase(Locale.ROOT);
			int specificity = name.equals(wanted) ? 2 : name.equals(anySubtype) ? 1
					: (name.equals("*/*") || name.equals("*")) ? 0 : -1;
			Double q = q(parts);
			if (specificity > bestSpecificity && q != null) {
				best = new Quality(q, specificity == 2);
				bestSpecificity = specificity;
			}
		}
		return best;
	}

	private static @Nullable Double q(String[] parts) {
		for (int i = 1; i < parts.length; i++) {
			String parameter = parts[i].trim();
			if (parameter.length() > 1 && Character.toLowerCase(parameter.charAt(0)) == 'q'
					&& parameter.charAt(1) == '=') {
				try {
					double q = Double.parseDouble(parameter.substring(2).trim());
					return (q >= 0 && q <= 1) ? q : null;
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
		}
		return 1.0;
	}

	/**
	 * How much a value is wanted.
	 *
	 * @param q its quality, from 0 (not at all) to 1
	 * @param named whether the header names it exactly, rather than through a wildcard
	 */
	record Quality(double q, boolean named) {

		static final Quality NONE = new Quality(0, false);

		boolean accepted() {
			return this.q > 0;
		}

	}

}
