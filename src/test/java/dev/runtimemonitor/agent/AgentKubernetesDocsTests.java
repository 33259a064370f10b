package dev.runtimemonitor.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.deploy.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes objects docs/agent.md shows are valid objects of their kinds and agree
 * with the agent and its image: the init container copies the jar from where the image
 * has it (the path the container test checks), the application's JVM starts it from the
 * shared volume, and the probes, container port, Service and ServiceMonitor all reach the
 * port the agent reads from its argument, at the agent's paths.
 */
class AgentKubernetesDocsTests {

	private static final Path PAGE = Path.of("docs", "agent.md");

	private static final Path CONTAINER_TEST = Path.of("scripts", "container", "container-test.sh");

	private static final Pattern SECTION = Pattern.compile("(?ms)^## Kubernetes$(.*?)(?=^## )");

	private static final Pattern YAML_BLOCK = Pattern.compile("(?ms)^```yaml$(.*?)^```$");

	private static final Pattern AGENT_JAR = Pattern.compile("(?m)^AGENT_JAR=(\\S+)$");

	private static final String JAVA_AGENT = "-javaagent:";

	private static Manifests manifests;

	private static PodSpec pod;

	private static Container application;

	@BeforeAll
	static void parseThePagesObjects() throws IOException {
		Matcher section = SECTION.matcher(Files.readString(PAGE));
		assertThat(section.find()).as("a Kubernetes section in " + PAGE).isTrue();
		Matcher yaml = YAML_BLOCK.matcher(section.group(1));
		assertThat(yaml.find()).as("a yaml block in its Kubernetes section").isTrue();
		manifests = Manifests.parse(yaml.group(1));
		pod = manifests.one(Deployment.class).getSpec().getTemplate().getSpec();
		assertThat(pod.getContainers()).hasSize(1);
		application = pod.getContainers().get(0);
	}

	@Test
	void showsADeploymentItsServiceAndAServiceMonitor() {
		assertThat(manifests.kinds()).containsExactly("apps/v1/Deployment", "monitoring.coreos.com/v1/ServiceMonitor",
				"v1/Service");
	}

	@Test
	void theInitContainerCopiesTheJarFromWhereTheImageHasItIntoTheVolumeTheJvmStartsItFrom() throws IOException {
		Matcher inImage = AGENT_JAR.matcher(Files.readString(CONTAINER_TEST));
		assertThat(inImage.find()).as("AGENT_JAR in " + CONTAINER_TEST).isTrue();
		assertThat(pod.getInitContainers()).hasSize(1);
		Container init = pod.getInitContainers().get(0);
		assertThat(init.getImage()).contains("/runtime-monitor:");
		assertThat(init.getCommand()).hasSize(3).startsWith("cp", inImage.group(1));
		assertThat(init.getVolumeMounts()).hasSize(1);
		VolumeMount copiedTo = init.getVolumeMounts().get(0);
		assertThat(init.getCommand().get(2)).isEqualTo(copiedTo.getMountPath() + "/");
		assertThat(pod.getVolumes()).singleElement()
			.satisfies((volume) -> assertThat(volume.getName()).isEqualTo(copiedTo.getName()))
			.satisfies((volume) -> assertThat(volume.getEmptyDir()).isNotNull());
		VolumeMount startedFrom = application.getVolumeMounts()
			.stream()
			.filter((mount) -> mount.getName().equals(copiedTo.getName()))
			.findFirst()
			.orElseThrow();
		String jarName = Path.of(inImage.group(1)).getFileName().toString();
		assertThat(javaAgentOption()).startsWith(JAVA_AGENT + startedFrom.getMountPath() + "/" + jarName + "=");
	}

	@Test
	void theProbesReachTheAgentsPortAtItsProbePaths() {
		int port = agentPort();
		assertThat(application.getPorts()).filteredOn((declared) -> declared.getContainerPort() == port).hasSize(1);
		HTTPGetAction liveness = application.getLivenessProbe().getHttpGet();
		HTTPGetAction readiness = application.getReadinessProbe().getHttpGet();
		assertThat(liveness.getPath()).isEqualTo("/health/liveness");
		assertThat(readiness.getPath()).isEqualTo("/health/readiness");
		assertThat(containerPort(liveness.getPort())).isEqualTo(port);
		assertThat(containerPort(readiness.getPort())).isEqualTo(port);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theServiceMonitorScrapesTheAgentsMetricsThroughTheService() {
		Service service = manifests.one(Service.class);
		Map<String, String> podLabels = manifests.one(Deployment.class)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getLabels();
		assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
		Map<String, Object> spec = (Map<String, Object>) manifests.custom("ServiceMonitor").get("spec");
		Map<String, String> selected = (Map<String, String>) ((Map<String, Object>) spec.get("selector"))
			.get("matchLabels");
		assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selected);
		List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");
		assertThat(endpoints).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint).containsEntry("path", "/metrics");
			ServicePort scraped = service.getSpec()
				.getPorts()
				.stream()
				.filter((port) -> port.getName().equals(endpoint.get("port")))
				.findFirst()
				.orElseThrow();
			assertThat(containerPort(scraped.getTargetPort())).isEqualTo(agentPort());
			assertThat((List<Map<String, Object>>) endpoint.get("relabelings"))
				.contains(Map.of("action", "replace", "targetLabel", "job", "replacement", "runtime-monitor"));
		});
	}

	/** The port the agent listens on, read from its argument as the agent reads it. */
	private static int agentPort() {
		String option = javaAgentOption();
		return AgentArguments.parse(option.substring(option.indexOf('=') + 1)).port();
	}

	private static String javaAgentOption() {
		EnvVar toolOptions = application.getEnv()
			.stream()
			.filter((variable) -> variable.getName().equals("JAVA_TOOL_OPTIONS"))
			.findFirst()
			.orElseThrow();
		return List.of(toolOptions.getValue().split("\\s+"))
			.stream()
			.filter((option) -> option.startsWith(JAVA_AGENT))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * A port as a probe or Service names it, by number or by the container port's name.
	 */
	private static int containerPort(IntOrString port) {
		if (port.getIntVal() != null) {
			return port.getIntVal();
		}
		return application.getPorts()
			.stream()
			.filter((declared) -> port.getStrVal().equals(declared.getName()))
			.map(ContainerPort::getContainerPort)
			.findFirst()
			.orElseThrow();
	}

}
