package dev.runtimemonitor.agent;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The agent's arguments, as jmx_exporter users write them:
 * {@code [host:]port[:config-file]}. The host is a name, an IPv4 address or an IPv6
 * address in brackets; without one the agent listens on every interface, as
 * jmx_exporter does. Port 0 takes a free port, which the agent's start line names.
 *
 * @param host the host to listen on, {@code null} for every interface
 * @param port the port
 * @param configFile the properties file, {@code null} for none
 */
record AgentArguments(@Nullable String host, int port, @Nullable Path configFile) {

	/** How the agent is started, for the messages of bad arguments. */
	static final String USAGE = "-javaagent:runtime-monitor-agent.jar=[host:]port[:config-file]";

	private static final Pattern FORM = Pattern
		.compile("(?:(?<host>[\\w.-]+|\\[[0-9A-Fa-f:.%\\w]+]):)?(?<port>\\d{1,5})(?::(?<file>.+))?");

	private static final int LAST_PORT = 65535;

	/**
	 * Read the agent's arguments.
	 * @param arguments what follows {@code =} in {@code -javaagent}, {@code null} when
	 * nothing does
	 * @return the arguments
	 * @throws AgentStartException when they cannot be read
	 */
	static AgentArguments parse(@Nullable String arguments) {
		if (arguments == null || arguments.isBlank()) {
			throw new AgentStartException("needs the port to serve on: " + USAGE);
		}
		Matcher matcher = FORM.matcher(arguments.strip());
		if (!matcher.matches()) {
			throw new AgentStartException("cannot read the arguments '" + arguments + "': " + USAGE);
		}
		int port = Integer.parseInt(matcher.group("port"));
		if (port > LAST_PORT) {
			throw new AgentStartException("port " + port + " is not a TCP port (0 to " + LAST_PORT + "): " + USAGE);
		}
		String host = matcher.group("host");
		if (host != null && host.startsWith("[")) {
			host = host.substring(1, host.length() - 1);
		}
		String file = matcher.group("file");
		return new AgentArguments(host, port, (file != null) ? Path.of(file) : null);
	}

	/**
	 * The address to listen on.
	 * @return the address, resolved
	 * @throws AgentStartException when the host cannot be resolved
	 */
	InetSocketAddress address() {
		if (this.host == null) {
			return new InetSocketAddress(this.port);
		}
		InetSocketAddress address = new InetSocketAddress(this.host, this.port);
		if (address.isUnresolved()) {
			throw new AgentStartException("cannot resolve the host '" + this.host + "' to listen on");
		}
		return address;
	}

}
