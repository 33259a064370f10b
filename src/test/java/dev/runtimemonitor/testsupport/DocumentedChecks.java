package dev.runtimemonitor.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.evaluation.Check;

/**
 * The checks a piece of documentation names, for the tests that hold the docs and the
 * chart's README to the checks the library has.
 */
public final class DocumentedChecks {

	private static final Pattern NAME_IN_BACKTICKS = Pattern.compile("`([a-z-]+)`");

	private DocumentedChecks() {
	}

	/**
	 * The checks named in backticks in a piece of Markdown, such as a table row.
	 * @param markdown the text
	 * @return the checks in the order they are named; other names in backticks are
	 * skipped
	 */
	public static List<Check> checksNamedIn(String markdown) {
		List<Check> checks = new ArrayList<>();
		Matcher name = NAME_IN_BACKTICKS.matcher(markdown);
		while (name.find()) {
			Check.fromId(name.group(1)).ifPresent(checks::add);
		}
		return checks;
	}

}
