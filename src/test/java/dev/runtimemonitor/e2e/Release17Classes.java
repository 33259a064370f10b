package dev.runtimemonitor.e2e;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A test program compiled for Java 17 from its source in {@code src/test/java}: the tests
 * are compiled for Java 21, whose classes a Java 17 JVM refuses to load, and the agent is
 * to be proven there too.
 */
final class Release17Classes {

	private static final Path SOURCES = Path.of("src", "test", "java");

	private Release17Classes() {
	}

	/**
	 * Compile a program of one source file.
	 * @param program the program's class, whose source uses nothing outside the JDK
	 * @param directory where to write its classes
	 * @return the class path to run it from
	 */
	static Path compile(Class<?> program, Path directory) {
		Path source = SOURCES.resolve(program.getName().replace('.', '/') + ".java");
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		StringWriter messages = new StringWriter();
		boolean compiled = javac
			.getTask(messages, null, null, List.of("--release", "17", "-d", directory.toString()), null,
					javac.getStandardFileManager(null, null, null).getJavaFileObjects(source))
			.call();
		if (!compiled) {
			throw new AssertionError("Could not compile " + source + " for Java 17:\n" + messages);
		}
		return directory;
	}

}
