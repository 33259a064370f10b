package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent jar is self-contained and meets nothing of the host's: every class in it is
 * the agent's, its copy of the library renamed under {@code dev.runtimemonitor.agent}, or
 * a third party's relocated under {@code dev.runtimemonitor.shaded}; none refers to the
 * library or a third-party package by its own name, none needs Spring, and every one
 * loads on Java 17; the licence of each library it carries is in it.
 */
class AgentJarIT {

	private static final String SHADED = "dev/runtimemonitor/shaded/";

	/** The agent's classes and its copy of the library's. */
	private static final String AGENT = "dev/runtimemonitor/agent/";

	/**
	 * The library's packages under their own names, which the agent's copy must not keep.
	 */
	private static final Pattern LIBRARY = Pattern
		.compile("dev[/.]runtimemonitor[/.](sampling|evaluation|monitor|settings|publishing|autoconfigure)[/.]");

	/** The packages the agent jar carries a copy of, as a class file names them. */
	private static final Pattern THIRD_PARTY = Pattern
		.compile("(.{0," + SHADED.length() + "})(io/micrometer/|io/prometheus/|org/HdrHistogram/|org/LatencyUtils/"
				+ "|org/slf4j/|tools/jackson/|com/fasterxml/jackson/|org/springframework/)");

	private static final int JAVA_17 = 61;

	private static final String LICENSES = "META-INF/licenses/";

	/**
	 * Each library the jar carries a copy of: the package its classes come from, the
	 * licence file kept for it under {@code META-INF/licenses} (from its own jar, or
	 * written by the project where its jar carries none) and words of that licence.
	 */
	private static final List<Library> LIBRARIES = List.of(
			new Library("io/micrometer/core/", "micrometer-core/LICENSE", "Apache License"),
			new Library("io/micrometer/common/", "micrometer-commons/LICENSE", "Apache License"),
			new Library("io/micrometer/observation/", "micrometer-observation/LICENSE", "Apache License"),
			new Library("io/micrometer/prometheusmetrics/", "micrometer-registry-prometheus/LICENSE", "Apache License"),
			new Library("io/prometheus/metrics/", "prometheus-metrics/NOTICE", "Apache License"),
			new Library("org/HdrHistogram/", "HdrHistogram/LICENSE.txt", "BSD 2-Clause License"),
			new Library("org/LatencyUtils/", "LatencyUtils/LICENSE", "public domain"),
			new Library("org/slf4j/simple/", "slf4j-simple/LICENSE.txt", "Permission is hereby granted"),
			new Library("org/slf4j/", "slf4j-api/LICENSE.txt", "Permission is hereby granted"),
			new Library("tools/jackson/core/", "jackson-core/LICENSE", "Apache License"));

	private static Path agentJar() {
		return Path.of(System.getProperty("agent.jar"));
	}

	@Test
	void everyClassIsUnderTheProjectsPackageAndLoadsOnJava17() throws IOException {
		List<String> outside = new ArrayList<>();
		List<String> tooNew = new ArrayList<>();
		try (JarFile jar = new JarFile(agentJar().toFile())) {
			for (JarEntry entry : Collections.list(jar.entries())) {
				if (entry.getName().endsWith(".class")) {
					if (!entry.getName().startsWith(AGENT) && !entry.getName().startsWith(SHADED)) {
						outside.add(entry.getName());
					}
					if (majorVersion(jar, entry) > JAVA_17) {
						tooNew.add(entry.getName());
					}
				}
			}
		}
		assertThat(outside).isEmpty();
		assertThat(tooNew).isEmpty();
	}

	@Test
	void noClassRefersToALibraryByItsOwnName() throws IOException {
		List<String> references = new ArrayList<>();
		try (JarFile jar = new JarFile(agentJar().toFile())) {
			for (JarEntry entry : Collections.list(jar.entries())) {
				if (entry.getName().endsWith(".class")) {
					String text = new String(read(jar, entry), StandardCharsets.ISO_8859_1);
					Matcher library = LIBRARY.matcher(text);
					while (library.find()) {
						references.add(entry.getName() + " -> " + library.group());
					}
					Matcher matcher = THIRD_PARTY.matcher(text);
					while (matcher.find()) {
						// a host name in a URL ("docs.micrometer.io/micrometer/") is no
						// reference
						if (!matcher.group(1).endsWith(SHADED) && !matcher.group(1).endsWith(".")) {
							references.add(entry.getName() + " -> " + matcher.group(2));
						}
					}
				}
			}
		}
		assertThat(references).isEmpty();
	}

	@Test
	void carriesNothingOfTheLibrarysSpringWiring() throws IOException {
		try (JarFile jar = new JarFile(agentJar().toFile())) {
			List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
			assertThat(names).noneMatch((name) -> name.startsWith("META-INF/spring"));
			assertThat(names).noneMatch((name) -> name.startsWith(AGENT + "library/publishing/endpoint/"));
			assertThat(names).noneMatch((name) -> name.startsWith(AGENT + "library/publishing/health/"));
			assertThat(names)
				.filteredOn((name) -> name.startsWith(AGENT + "library/autoconfigure/") && name.endsWith(".class"))
				.containsExactly(AGENT + "library/autoconfigure/RuntimeMonitorProperties$GcEvents.class");
			assertThat(names).filteredOn((name) -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
				.allMatch((name) -> name.startsWith("META-INF/services/dev.runtimemonitor.shaded."));
			assertThat(names).contains("dev/runtimemonitor/agent/runtime-monitor-properties.json");
			// nothing a host's own libraries would look up under the same name
			assertThat(names).filteredOn((name) -> !name.endsWith("/"))
				.allMatch((name) -> name.startsWith("dev/runtimemonitor/") || name.equals("META-INF/MANIFEST.MF")
						|| name.startsWith("META-INF/services/") || name.startsWith(LICENSES));
		}
	}

	@Test
	void carriesTheLicenceOfEveryLibraryItRelocates() throws IOException {
		Set<Library> carried = new LinkedHashSet<>();
		List<String> ofNoKnownLibrary = new ArrayList<>();
		Map<String, String> licences = new TreeMap<>();
		try (JarFile jar = new JarFile(agentJar().toFile())) {
			for (JarEntry entry : Collections.list(jar.entries())) {
				String name = entry.getName();
				if (name.startsWith(SHADED) && name.endsWith(".class")) {
					library(name.substring(SHADED.length())).ifPresentOrElse(carried::add,
							() -> ofNoKnownLibrary.add(name));
				}
				if (name.startsWith(LICENSES) && !entry.isDirectory()) {
					licences.put(name.substring(LICENSES.length()),
							new String(read(jar, entry), StandardCharsets.UTF_8));
				}
			}
			List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
			// one library's licence at the top would read as the whole jar's
			assertThat(names).noneMatch((name) -> name.matches("META-INF/(LICENSE|NOTICE)[^/]*"));
		}
		assertThat(ofNoKnownLibrary).isEmpty();
		assertThat(carried).containsExactlyInAnyOrderElementsOf(LIBRARIES);
		for (Library library : LIBRARIES) {
			assertThat(licences).as(library.licence()).containsKey(library.licence());
			assertThat(licences.get(library.licence())).as(library.licence()).contains(library.licenceWords());
		}
		// kept beside jackson-core's own: the licences of the code it includes
		assertThat(licences).containsKeys("jackson-core/FastDoubleParser-LICENSE", "jackson-core/Schubfach-LICENSE");
	}

	@Test
	void isAJavaAgent() throws IOException {
		try (JarFile jar = new JarFile(agentJar().toFile())) {
			assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class"))
				.isEqualTo("dev.runtimemonitor.agent.RuntimeMonitorAgent");
		}
	}

	/** The library whose package is the longest that holds the class. */
	private static Optional<Library> library(String className) {
		return LIBRARIES.stream()
			.filter((library) -> className.startsWith(library.packagePrefix()))
			.max(Comparator.comparingInt((library) -> library.packagePrefix().length()));
	}

	private static int majorVersion(JarFile jar, JarEntry entry) throws IOException {
		byte[] header = read(jar, entry);
		return ((header[6] & 0xff) << 8) | (header[7] & 0xff);
	}

	private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
		try (InputStream input = jar.getInputStream(entry)) {
			return input.readAllBytes();
		}
	}

	private record Library(String packagePrefix, String licence, String licenceWords) {

	}

}
