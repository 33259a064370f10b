package dev.runtimemonitor.e2e;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library jar, the main artifact, as a host application's build resolves it: a plain
 * jar that Spring Boot's auto-configuration finds, with nothing of the service in it,
 * loadable by a Java 17 host.
 */
class LibraryJarIT {

	private static final int JAVA_8 = 52;

	private static final int JAVA_17 = 61;

	private static final String AUTO_CONFIGURATION_IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	private static JarFile jar;

	@BeforeAll
	static void openTheLibraryJar() throws IOException {
		String path = System.getProperty("library.jar");
		if (path == null || !Files.isRegularFile(Path.of(path))) {
			throw new IllegalStateException("No library jar at " + path + "; run through './mvnw verify'");
		}
		jar = new JarFile(path);
	}

	@AfterAll
	static void closeTheLibraryJar() throws IOException {
		jar.close();
	}

	@Test
	void holdsItsClassesAtTheRootAsAPlainJar() {
		assertThat(entryNames()).noneMatch((name) -> name.startsWith("BOOT-INF/"))
			.contains("dev/runtimemonitor/autoconfigure/RuntimeMonitorAutoConfiguration.class");
	}

	@Test
	void everyAutoConfigurationItImportsIsInIt() throws IOException {
		List<String> imported = autoConfigurationImports();
		assertThat(imported).isNotEmpty();
		assertThat(imported).allSatisfy((className) -> assertThat(jar.getEntry(className.replace('.', '/') + ".class"))
			.as(className + " named in " + AUTO_CONFIGURATION_IMPORTS)
			.isNotNull());
	}

	@Test
	void carriesTheConfigurationMetadataForTheHostsIde() {
		assertThat(jar.getEntry("META-INF/spring-configuration-metadata.json")).isNotNull();
	}

	@Test
	void bringsNoneOfTheServicesSettingsPagesOrClasses() {
		assertThat(entryNames()).doesNotContain("application.yml", "application.yaml", "application.properties")
			.noneMatch((name) -> name.startsWith("static/") || name.startsWith("templates/")
					|| name.startsWith("dev/runtimemonitor/service/"));
	}

	@Test
	void bringsNoneOfTheAgentsClasses() {
		assertThat(entryNames()).noneMatch((name) -> name.startsWith("dev/runtimemonitor/agent/"));
	}

	@Test
	void isNotRunnable() throws IOException {
		Attributes manifest = jar.getManifest().getMainAttributes();
		assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS)).isNull();
		assertThat(manifest.getValue("Start-Class")).isNull();
	}

	@Test
	void holdsJava17ClassFilesAndAJava8OneToTellOlderSpringBootsWhy() throws IOException {
		String unsupported = "dev/runtimemonitor/autoconfigure/UnsupportedSpringBootAutoConfiguration.class";
		for (JarEntry entry : jar.stream().filter((entry) -> entry.getName().endsWith(".class")).toList()) {
			int expected = entry.getName().equals(unsupported) ? JAVA_8 : JAVA_17;
			assertThat(majorVersion(entry)).as(entry.getName()).isEqualTo(expected);
		}
		assertThat(jar.getEntry(unsupported)).isNotNull();
	}

	@Test
	void exportsNothingSinceOnlyTheJarThatJavaDashJarStartsCouldExport() throws IOException {
		assertThat(jar.getManifest().getMainAttributes().getValue("Add-Exports")).isNull();
	}

	private static int majorVersion(JarEntry entry) throws IOException {
		try (DataInputStream in = new DataInputStream(jar.getInputStream(entry))) {
			assertThat(in.readInt()).as("the class file magic of " + entry.getName()).isEqualTo(0xCAFEBABE);
			in.readUnsignedShort();
			return in.readUnsignedShort();
		}
	}

	private static List<String> entryNames() {
		return jar.stream().map(JarEntry::getName).toList();
	}

	private static List<String> autoConfigurationImports() throws IOException {
		ZipEntry imports = jar.getEntry(AUTO_CONFIGURATION_IMPORTS);
		assertThat(imports).as(AUTO_CONFIGURATION_IMPORTS).isNotNull();
		try (InputStream in = jar.getInputStream(imports)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

}
