package dev.runtimemonitor.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The field names of the {@code /runtime} JSON, grouped by where they sit: {@code ""} for
 * the top level, a top-level field's name for every name anywhere below it, and
 * {@code runtime.<field>} below each field of {@code runtime}. Read the same way from the
 * JSON and from the tables of the {@code /runtime} section of docs/checks-and-meters.md,
 * where a field is a name in backticks ({@code `usedBytes`}) and a string value is
 * written as JSON writes it ({@code `"jfr"`}).
 */
final class ReportFields {

	private static final String SECTION = "\n## `/runtime`: the report\n";

	private static final String TABLE_HEADER = "| field | what |";

	private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (.+) \\|$");

	private static final Pattern CODE = Pattern.compile("`([^`]*)`");

	private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

	/** Objects whose keys are data (check names, figure names), not field names. */
	private static final Set<String> KEYED_BY_DATA = Set.of("evidence.checks", "advice.basis");

	private ReportFields() {
	}

	static Map<String, Set<String>> written(JsonNode report) {
		Map<String, Set<String>> fields = new TreeMap<>();
		fields.put("", new TreeSet<>(report.propertyNames()));
		for (String name : report.propertyNames()) {
			JsonNode value = report.get(name);
			if (name.equals("runtime")) {
				fields.put(name, new TreeSet<>(value.propertyNames()));
				for (String runtimeName : value.propertyNames()) {
					fields.put(name + "." + runtimeName, namesBelow(value.get(runtimeName), name + "." + runtimeName));
				}
			}
			else {
				fields.put(name, namesBelow(value, name));
			}
		}
		return fields;
	}

	private static Set<String> namesBelow(JsonNode node, String path) {
		Set<String> names = new TreeSet<>();
		if (node.isArray()) {
			node.forEach((element) -> names.addAll(namesBelow(element, path)));
		}
		else if (node.isObject() && KEYED_BY_DATA.contains(path)) {
			node.forEach((value) -> names.addAll(namesBelow(value, path + ".*")));
		}
		else if (node.isObject()) {
			for (String name : node.propertyNames()) {
				names.add(name);
				names.addAll(namesBelow(node.get(name), path + "." + name));
			}
		}
		return names;
	}

	static Map<String, Set<String>> documented(String page) {
		int start = page.indexOf(SECTION);
		int end = page.indexOf("\n#", start + SECTION.length());
		List<List<String[]>> tables = tables(page.substring(start, end));
		if (tables.size() != 2) {
			throw new IllegalStateException("Expected the report's table and runtime's, found " + tables.size());
		}
		Map<String, Set<String>> fields = new TreeMap<>();
		addRows(fields, "", "", tables.get(0));
		addRows(fields, "runtime", "runtime.", tables.get(1));
		return fields;
	}

	private static void addRows(Map<String, Set<String>> fields, String parent, String prefix, List<String[]> rows) {
		Set<String> names = fields.computeIfAbsent(parent, (key) -> new TreeSet<>());
		for (String[] row : rows) {
			Set<String> below = fieldNames(row[1]);
			for (String name : codeSpans(row[0])) {
				names.add(name);
				fields.computeIfAbsent(prefix + name, (key) -> new TreeSet<>()).addAll(below);
			}
		}
	}

	private static List<List<String[]>> tables(String section) {
		List<List<String[]>> tables = new ArrayList<>();
		List<String[]> table = null;
		for (String line : section.lines().toList()) {
			Matcher row = ROW.matcher(line);
			if (line.equals(TABLE_HEADER)) {
				table = new ArrayList<>();
				tables.add(table);
			}
			else if (table != null && row.matches() && !line.startsWith("|---")) {
				table.add(new String[] { row.group(1), row.group(2) });
			}
			else if (!line.startsWith("|")) {
				table = null;
			}
		}
		return tables;
	}

	private static Set<String> fieldNames(String text) {
		Set<String> names = new TreeSet<>();
		for (String span : codeSpans(text)) {
			if (FIELD_NAME.matcher(span).matches()) {
				names.add(span);
			}
		}
		return names;
	}

	private static List<String> codeSpans(String text) {
		List<String> spans = new ArrayList<>();
		Matcher code = CODE.matcher(text);
		while (code.find()) {
			spans.add(code.group(1));
		}
		return spans;
	}

}
