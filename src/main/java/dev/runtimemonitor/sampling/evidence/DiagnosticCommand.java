package dev.runtimemonitor.sampling.evidence;

import java.lang.management.ManagementFactory;
import java.util.Optional;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

/**
 * Runs one of the JVM's diagnostic commands, the ones {@code jcmd} runs, through the
 * {@code com.sun.management:type=DiagnosticCommand} bean: {@code gcClassHistogram} is
 * {@code jcmd GC.class_histogram}, {@code vmNativeMemory} is
 * {@code jcmd VM.native_memory}.
 */
@FunctionalInterface
public interface DiagnosticCommand {

	/**
	 * Run a command.
	 * @param operation the bean's operation, such as {@code gcClassHistogram}
	 * @param arguments the command's arguments, as {@code jcmd} takes them
	 * @return the command's output
	 * @throws IllegalStateException when the command fails or does not exist
	 */
	String run(String operation, String... arguments);

	/**
	 * The running JVM's diagnostic commands.
	 * @return the commands, or empty on a JVM without the bean
	 */
	static Optional<DiagnosticCommand> platform() {
		MBeanServer server = ManagementFactory.getPlatformMBeanServer();
		try {
			ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
			if (!server.isRegistered(name)) {
				return Optional.empty();
			}
			return Optional.of((operation, arguments) -> invoke(server, name, operation, arguments));
		}
		catch (JMException ex) {
			return Optional.empty();
		}
	}

	private static String invoke(MBeanServer server, ObjectName name, String operation, String[] arguments) {
		try {
			Object output = server.invoke(name, operation, new Object[] { arguments },
					new String[] { String[].class.getName() });
			return (output != null) ? output.toString() : "";
		}
		catch (RuntimeMBeanException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalStateException(operation + " failed: " + cause.getMessage(), cause);
		}
		catch (JMException ex) {
			throw new IllegalStateException(operation + " failed: " + ex.getMessage(), ex);
		}
	}

}
