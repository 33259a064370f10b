package dev.runtimemonitor.agent;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AgentArgumentsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			9404                                  | -            | 9404  | -
			0                                     | -            | 0     | -
			127.0.0.1:9404                        | 127.0.0.1    | 9404  | -
			localhost:9404                        | localhost    | 9404  | -
			my-host.example:9404                  | my-host.example | 9404 | -
			[::1]:9404                            | ::1          | 9404  | -
			9404:agent.properties                 | -            | 9404  | agent.properties
			9404:/etc/runtime-monitor/agent.properties | -       | 9404  | /etc/runtime-monitor/agent.properties
			0.0.0.0:9404:conf/agent.properties    | 0.0.0.0      | 9404  | conf/agent.properties
			[::]:9404:agent.properties            | ::           | 9404  | agent.properties
			""")
	void readsTheFormsJmxExporterUsersKnow(String arguments, String host, int port, String file) {
		AgentArguments parsed = AgentArguments.parse(arguments);
		assertThat(parsed.host()).isEqualTo(host);
		assertThat(parsed.port()).isEqualTo(port);
		assertThat(parsed.configFile()).isEqualTo((file != null) ? Path.of(file) : null);
	}

	@Test
	void aFileNamedWithColonsAfterThePortIsOneFile() {
		assertThat(AgentArguments.parse("9404:C:\\agent\\agent.properties").configFile())
			.isEqualTo(Path.of("C:\\agent\\agent.properties"));
	}

	@Test
	void withoutAHostListensOnEveryInterface() {
		assertThat(AgentArguments.parse("9404").address().getAddress().isAnyLocalAddress()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void needsAPort(String arguments) {
		assertThatExceptionOfType(AgentStartException.class).isThrownBy(() -> AgentArguments.parse(arguments))
			.withMessage("needs the port to serve on: " + AgentArguments.USAGE);
		assertThatExceptionOfType(AgentStartException.class).isThrownBy(() -> AgentArguments.parse(null))
			.withMessageStartingWith("needs the port");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "localhost", "host:", ":9404", "host:port", "-1", "9404x" })
	void refusesWhatItCannotReadWithTheUsage(String arguments) {
		assertThatExceptionOfType(AgentStartException.class).isThrownBy(() -> AgentArguments.parse(arguments))
			.withMessage("cannot read the arguments '" + arguments + "': " + AgentArguments.USAGE);
	}

	@Test
	void refusesAPortBeyondTheLast() {
		assertThatExceptionOfType(AgentStartException.class).isThrownBy(() -> AgentArguments.parse("65536"))
			.withMessageStartingWith("port 65536 is not a TCP port (0 to 65535)");
	}

	@Test
	void refusesAHostThatDoesNotResolve() {
		assertThatExceptionOfType(AgentStartException.class)
			.isThrownBy(() -> AgentArguments.parse("no-such-host.invalid:9404").address())
			.withMessage("cannot resolve the host 'no-such-host.invalid' to listen on");
	}

}
