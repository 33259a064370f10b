package dev.runtimemonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation holds together: every relative link in the README, the pages of
 * {@code docs/}, BENCHMARKS.md and the chart's README leads to a file that exists, and to
 * a heading of it when it names one; every page of {@code docs/} is reachable from the
 * README; and the README stays short enough to read in five minutes.
 */
class DocumentationLinksTests {

	private static final Path README = Path.of("README.md");

	private static final Path DOCS = Path.of("docs");

	private static final int README_MOST_LINES = 249;

	/** {@code [text](target)} and {@code ![alt](target)}, with an optional title. */
	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);

	private static final Pattern FENCED_BLOCK = Pattern.compile("^(```|~~~).*?^\\1[^\\n]*$",
			Pattern.MULTILINE | Pattern.DOTALL);

	private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	@Test
	void everyRelativeLinkLeadsToAFileAndHeadingThatExist() {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			for (String target : links(page)) {
				String problem = problem(page, target);
				if (problem != null) {
					broken.add(page + ": (" + target + ") " + problem);
				}
			}
		}
		assertThat(pages()).contains(README, Path.of("BENCHMARKS.md"), Path.of("helm/runtime-monitor/README.md"));
		assertThat(broken).as("broken links").isEmpty();
	}

	@Test
	void everyPageOfTheDocsIsLinkedFromTheReadme() {
		Set<Path> linked = new LinkedHashSet<>();
		for (String target : links(README)) {
			if (!SCHEME.matcher(target).find()) {
				linked.add(resolve(README, pathOf(target)).normalize());
			}
		}
		assertThat(docsPages()).isNotEmpty();
		assertThat(docsPages().stream().filter((page) -> !linked.contains(page.normalize())))
			.as("pages of docs/ not linked from the README")
			.isEmpty();
	}

	@Test
	void theReadmeStaysUnder250Lines() throws IOException {
		assertThat(Files.readAllLines(README)).hasSizeLessThanOrEqualTo(README_MOST_LINES);
	}

	@Test
	void headingsBecomeAnchorsAsGitHubMakesThem() {
		assertThat(anchors("# Checks, meters and reports\n## `/runtime`: the report\n## `/runtime/history`\n"
				+ "### Host applications (`src/it`)\n## Notes\n## Notes\n```\n# not a heading\n```\n"))
			.containsExactlyInAnyOrder("checks-meters-and-reports", "runtime-the-report", "runtimehistory",
					"host-applications-srcit", "notes", "notes-1");
	}

	@Test
	void linksInCodeAreNotLinks() {
		assertThat(linksIn("See [this](a.md).\n```\n[not](b.md)\n```\nand `[nor](c.md)`, ![image](d.png)"))
			.containsExactly("a.md", "d.png");
	}

	private static String problem(Path page, String target) {
		if (SCHEME.matcher(target).find() || target.startsWith("//")) {
			return null;
		}
		String path = pathOf(target);
		String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
		Path file = path.isEmpty() ? page : resolve(page, path);
		if (!Files.exists(file)) {
			return "no such file: " + file;
		}
		if (anchor == null) {
			return null;
		}
		if (!file.toString().endsWith(".md")) {
			return "an anchor in a file that is not Markdown";
		}
		return anchors(read(file)).contains(anchor) ? null : "no heading for #" + anchor + " in " + file;
	}

	private static String pathOf(String target) {
		int hash = target.indexOf('#');
		return (hash >= 0) ? target.substring(0, hash) : target;
	}

	private static Path resolve(Path page, String path) {
		Path directory = (page.getParent() != null) ? page.getParent() : Path.of("");
		return directory.resolve(path).normalize();
	}

	private static List<Path> pages() {
		List<Path> pages = new ArrayList<>();
		pages.add(README);
		pages.addAll(docsPages());
		pages.add(Path.of("BENCHMARKS.md"));
		pages.add(Path.of("helm", "runtime-monitor", "README.md"));
		return pages;
	}

	private static List<Path> docsPages() {
		try (Stream<Path> files = Files.list(DOCS)) {
			return files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> links(Path page) {
		return linksIn(read(page));
	}

	static List<String> linksIn(String markdown) {
		String prose = CODE_SPAN.matcher(FENCED_BLOCK.matcher(markdown).replaceAll("")).replaceAll("code");
		List<String> targets = new ArrayList<>();
		Matcher link = LINK.matcher(prose);
		while (link.find()) {
			targets.add(link.group(1));
		}
		return targets;
	}

	/**
	 * The anchors GitHub gives a page's headings: the text in lower case, without
	 * punctuation, spaces turned into hyphens, and a number added to repeats.
	 */
	static Set<String> anchors(String markdown) {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		Matcher heading = HEADING.matcher(FENCED_BLOCK.matcher(markdown).replaceAll(""));
		while (heading.find()) {
			String slug = heading.group(1)
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
				.trim()
				.replaceAll("\\s", "-");
			int repeats = seen.merge(slug, 1, Integer::sum) - 1;
			anchors.add((repeats == 0) ? slug : slug + "-" + repeats);
		}
		return anchors;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
