package dev.runtimemonitor.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.LintResult;
import dev.runtimemonitor.testsupport.ImageJvmOptions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The chart linted and rendered by a real helm, every object parsed as its Kubernetes
 * type with no unknown field (see {@link Manifests}), and the rendered objects checked
 * against each other: probes, security, labels and selectors, configuration, toggles.
 */
class HelmChartTests {

	private static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/name", "runtime-monitor",
			"app.kubernetes.io/instance", HelmChart.RELEASE);

	@Test
	void lintsCleanInStrictMode() {
		LintResult result = HelmChart.lintStrict();
		assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
		assertThat(result.getMessages()).allSatisfy((message) -> assertThat(message).startsWith("[INFO]"));
	}

	@Test
	void defaultsRenderTheServiceAndNothingOptional() {
		Manifests manifests = HelmChart.render(Map.of());
		assertThat(manifests.kinds()).containsExactly("apps/v1/Deployment", "v1/ConfigMap", "v1/Service",
				"v1/ServiceAccount");
	}

	@Test
	void everyOptionalResourceRendersWhenSwitchedOn() {
		Manifests manifests = HelmChart.render(HelmChart.ALL_ON_VALUES);
		assertThat(manifests.kinds()).containsExactly("apps/v1/Deployment", "autoscaling/v2/HorizontalPodAutoscaler",
				"monitoring.coreos.com/v1/PrometheusRule", "monitoring.coreos.com/v1/ServiceMonitor",
				"networking.k8s.io/v1/NetworkPolicy", "policy/v1/PodDisruptionBudget", "v1/ConfigMap", "v1/ConfigMap",
				"v1/Service", "v1/ServiceAccount");
	}

	@Test
	void probesHitTheHealthGroupsOnANumericPort() {
		Container container = container(HelmChart.render(Map.of()).one(Deployment.class));
		assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
		assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/readiness");
		assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
		for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(),
				container.getStartupProbe())) {
			assertThat(probe.getHttpGet().getPort().getIntVal()).isEqualTo(8080);
			assertThat(probe.getHttpGet().getPort().getStrVal()).isNull();
		}
		assertThat(container.getPorts()).extracting(ContainerPort::getContainerPort).containsExactly(8080);
		assertThat(container.getStartupProbe().getPeriodSeconds() * container.getStartupProbe().getFailureThreshold())
			.as("seconds the startup probe allows")
			.isEqualTo(120);
	}

	@Test
	void probeTimingsComeFromValuesAndProbesCanBeSwitchedOff() {
		Container container = container(HelmChart
			.render(Map.of("livenessProbe.periodSeconds", 20, "livenessProbe.failureThreshold", 6,
					"startupProbe.enabled", false))
			.one(Deployment.class));
		assertThat(container.getLivenessProbe().getPeriodSeconds()).isEqualTo(20);
		assertThat(container.getLivenessProbe().getFailureThreshold()).isEqualTo(6);
		assertThat(container.getStartupProbe()).isNull();
		assertThat(container.getReadinessProbe()).isNotNull();
	}

	@Test
	void podRunsRestricted() {
		Deployment deployment = HelmChart.render(Map.of()).one(Deployment.class);
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001);
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		SecurityContext container = container(deployment).getSecurityContext();
		assertThat(container.getRunAsNonRoot()).isTrue();
		assertThat(container.getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getPrivileged()).isFalse();
		assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
		assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
	}

	@Test
	void onlyTmpIsWritable() {
		Deployment deployment = HelmChart.render(Map.of()).one(Deployment.class);
		List<VolumeMount> mounts = container(deployment).getVolumeMounts();
		assertThat(mounts).filteredOn((mount) -> !Boolean.TRUE.equals(mount.getReadOnly()))
			.extracting(VolumeMount::getMountPath)
			.containsExactly("/tmp");
		Volume tmp = volume(deployment, "tmp");
		assertThat(tmp.getEmptyDir()).isNotNull();
		assertThat(tmp.getEmptyDir().getSizeLimit().toString()).isEqualTo("256Mi");
	}

	@Test
	void shutdownOutlastsThePreStopSleepAndSpringsShutdownPhase() {
		Manifests manifests = HelmChart.render(Map.of());
		Deployment deployment = manifests.one(Deployment.class);
		Container container = container(deployment);
		assertThat(container.getLifecycle().getPreStop().getExec().getCommand()).containsExactly("sleep", "10");
		assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(45);
		assertThat(applicationYml(manifests)).contains("timeout-per-shutdown-phase: 30s", "shutdown: graceful");
	}

	@Test
	void aGracePeriodShorterThanTheShutdownIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> HelmChart.template(Map.of("terminationGracePeriodSeconds", 30)))
			.withMessageContaining(
					"terminationGracePeriodSeconds (30) must be above preStopSleepSeconds + shutdownPhaseTimeoutSeconds (40)");
	}

	@Test
	void lifecycleHooksReplaceThePreStopSleep() {
		Container container = container(
				HelmChart.render(Map.of("lifecycleHooks", Map.of("preStop", Map.of("sleep", Map.of("seconds", 7)))))
					.one(Deployment.class));
		assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(7);
		assertThat(container.getLifecycle().getPreStop().getExec()).isNull();
	}

	@Test
	void jvmOptionsArePassedAsJavaToolOptions() {
		String options = env(HelmChart.render(Map.of()).one(Deployment.class), "JAVA_TOOL_OPTIONS");
		assertThat(options).isEqualTo("-XX:MaxRAMPercentage=70.0 -XX:+ExitOnOutOfMemoryError");
		assertThat(withoutHeapShare(List.of(options.split(" "))))
			.as("the chart ships the image's options, but for a heap share of its own")
			.isEqualTo(withoutHeapShare(ImageJvmOptions.javaToolOptions()));
		assertThat(
				env(HelmChart.render(Map.of("javaToolOptions", "-Xmx256m")).one(Deployment.class), "JAVA_TOOL_OPTIONS"))
			.isEqualTo("-Xmx256m");
		assertThat(container(HelmChart.render(Map.of("javaToolOptions", "")).one(Deployment.class)).getEnv())
			.extracting(EnvVar::getName)
			.doesNotContain("JAVA_TOOL_OPTIONS");
	}

	@Test
	void theConfigMapReachesTheApplication() {
		Manifests manifests = HelmChart.render(Map.of("runtimeMonitor.checks.threads.warning", 2000));
		Deployment deployment = manifests.one(Deployment.class);
		ConfigMap config = manifests.named(ConfigMap.class, HelmChart.FULLNAME);
		assertThat(volume(deployment, "config").getConfigMap().getName()).isEqualTo(config.getMetadata().getName());
		VolumeMount mount = container(deployment).getVolumeMounts()
			.stream()
			.filter((candidate) -> candidate.getName().equals("config"))
			.findFirst()
			.orElseThrow();
		assertThat(env(deployment, "SPRING_CONFIG_ADDITIONAL_LOCATION"))
			.isEqualTo("file:" + mount.getMountPath() + "/application.yml");
		assertThat(config.getData()).containsOnlyKeys("application.yml");
		assertThat(config.getData().get("application.yml")).contains("threads:\n      warning: 2000");
	}

	@Test
	void aChangedThresholdRollsThePods() {
		String defaults = checksum(HelmChart.render(Map.of()));
		assertThat(checksum(HelmChart.render(Map.of()))).as("same values, same checksum").isEqualTo(defaults);
		assertThat(checksum(HelmChart.render(Map.of("runtimeMonitor.checks.heap.warning", 0.7)))).isNotEqualTo(defaults)
			.hasSize(64);
		assertThat(checksum(HelmChart.render(Map.of("runtimeMonitor.checks.heap.warning", 0.75))))
			.isNotEqualTo(checksum(HelmChart.render(Map.of("runtimeMonitor.checks.heap.warning", 0.7))));
	}

	@Test
	void labelsAndSelectorsAgreeAcrossObjects() {
		Manifests manifests = HelmChart.render(HelmChart.ALL_ON_VALUES);
		Deployment deployment = manifests.one(Deployment.class);
		assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(SELECTOR);
		assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(SELECTOR)
			.containsEntry("team", "runtime");
		assertThat(manifests.one(Service.class).getSpec().getSelector()).isEqualTo(SELECTOR);
		assertThat(manifests.one(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels())
			.isEqualTo(SELECTOR);
		assertThat(manifests.one(NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels()).isEqualTo(SELECTOR);
		assertThat(manifests.labelsByObject()).allSatisfy((object, labels) -> assertThat(labels).as(object)
			.containsAllEntriesOf(SELECTOR)
			.containsEntry("app.kubernetes.io/managed-by", "Helm")
			.containsEntry("app.kubernetes.io/version", "0.1.0")
			.containsEntry("helm.sh/chart", "runtime-monitor-0.1.0"));
		assertThat(manifests.documents())
			.allSatisfy((document) -> assertThat(document).extractingByKey("metadata", InstanceOfAssertFactories.MAP)
				.containsEntry("namespace", HelmChart.NAMESPACE));
		HorizontalPodAutoscaler autoscaler = manifests.one(HorizontalPodAutoscaler.class);
		assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
		assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
			.isEqualTo(manifests.one(ServiceAccount.class).getMetadata().getName());
	}

	@Test
	void theServiceTargetsTheContainersPorts() {
		Manifests manifests = HelmChart.render(HelmChart.ALL_ON_VALUES);
		List<Integer> containerPorts = container(manifests.one(Deployment.class)).getPorts()
			.stream()
			.map(ContainerPort::getContainerPort)
			.toList();
		assertThat(manifests.one(Service.class).getSpec().getPorts())
			.extracting((port) -> port.getTargetPort().getIntVal())
			.containsExactlyElementsOf(containerPorts);
	}

	@Test
	void aSeparateManagementPortCarriesProbesScrapeAndTest() {
		Manifests manifests = HelmChart.renderWithHooks(
				Map.of("management.separatePort", true, "serviceMonitor.enabled", true, "networkPolicy.enabled", true));
		Container container = container(manifests.one(Deployment.class));
		assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
			.containsExactly(tuple("http", 8080), tuple("management", 8081));
		assertThat(List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe()))
			.allSatisfy((probe) -> assertThat(probe.getHttpGet().getPort().getIntVal()).isEqualTo(8081));
		assertThat(manifests.named(ConfigMap.class, HelmChart.FULLNAME).getData().get("application.yml"))
			.contains("management:\n  server:\n    port: 8081");
		assertThat(manifests.one(Service.class).getSpec().getPorts()).extracting(ServicePort::getName)
			.containsExactly("http", "management");
		assertThat(endpoint(manifests.custom("ServiceMonitor"))).containsEntry("port", "management");
		assertThat(manifests.one(NetworkPolicy.class).getSpec().getIngress())
			.flatExtracting((rule) -> rule.getPorts().stream().map((port) -> port.getPort().getIntVal()).toList())
			.containsExactly(8080, 8081);
		assertThat(manifests.one(Pod.class).getSpec().getContainers().get(0).getCommand())
			.contains("http://" + HelmChart.FULLNAME + ":8081/health");
	}

	@Test
	void theServiceMonitorScrapesMetricsAsJobRuntimeMonitor() {
		Manifests manifests = HelmChart.render(Map.of("serviceMonitor.enabled", true));
		Map<String, Object> monitor = manifests.custom("ServiceMonitor");
		assertThat(monitor).containsEntry("apiVersion", "monitoring.coreos.com/v1");
		assertThat(Yamls.map(monitor, "metadata.labels")).containsEntry("release", "kube-prometheus-stack")
			.containsAllEntriesOf(SELECTOR);
		assertThat(Yamls.map(monitor, "spec.selector.matchLabels")).isEqualTo(SELECTOR);
		assertThat(manifests.one(Service.class).getMetadata().getLabels()).containsAllEntriesOf(SELECTOR);
		Map<String, Object> endpoint = endpoint(monitor);
		assertThat(endpoint).containsEntry("port", "http")
			.containsEntry("path", "/metrics")
			.containsEntry("interval", "15s")
			.containsEntry("scrapeTimeout", "10s");
		assertThat(manifests.one(Service.class).getSpec().getPorts()).extracting(ServicePort::getName).contains("http");
		assertThat(endpoint.get("relabelings")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly(Map.of("action", "replace", "targetLabel", "job", "replacement", "runtime-monitor"));
		assertThat(Yamls.list(monitor, "spec.namespaceSelector.matchNames")).containsExactly(HelmChart.NAMESPACE);
	}

	@Test
	void theDashboardConfigMapIsLabelledForGrafanasSidecar() {
		ConfigMap dashboard = HelmChart.render(HelmChart.ALL_ON_VALUES)
			.named(ConfigMap.class, HelmChart.FULLNAME + "-dashboard");
		assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
		assertThat(dashboard.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Runtime");
		assertThat(dashboard.getData()).containsOnlyKeys("runtime-monitor-dashboard.json");
	}

	@Test
	void autoscalingTakesOverTheReplicaCount() {
		assertThat(HelmChart.render(Map.of("replicaCount", 3)).one(Deployment.class).getSpec().getReplicas())
			.isEqualTo(3);
		Manifests scaled = HelmChart.render(HelmChart.ALL_ON_VALUES);
		assertThat(scaled.one(Deployment.class).getSpec().getReplicas()).isNull();
		HorizontalPodAutoscaler autoscaler = scaled.one(HorizontalPodAutoscaler.class);
		assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(2);
		assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(4);
		assertThat(autoscaler.getSpec().getMetrics())
			.extracting((metric) -> metric.getResource().getName(),
					(metric) -> metric.getResource().getTarget().getAverageUtilization())
			.containsExactly(tuple("cpu", 75), tuple("memory", 90));
	}

	@Test
	void theDisruptionBudgetTakesMinAvailableOrMaxUnavailable() {
		PodDisruptionBudget byDefault = HelmChart.render(Map.of("podDisruptionBudget.enabled", true))
			.one(PodDisruptionBudget.class);
		assertThat(byDefault.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
		assertThat(byDefault.getSpec().getMinAvailable()).isNull();
		PodDisruptionBudget percent = HelmChart
			.render(Map.of("podDisruptionBudget.enabled", true, "podDisruptionBudget.minAvailable", "50%"))
			.one(PodDisruptionBudget.class);
		assertThat(percent.getSpec().getMinAvailable().getStrVal()).isEqualTo("50%");
		assertThat(percent.getSpec().getMaxUnavailable()).isNull();
	}

	@Test
	void withoutItsOwnServiceAccountThePodsUseTheNamedOne() {
		Manifests manifests = HelmChart.render(Map.of("serviceAccount.create", false));
		assertThat(manifests.all(ServiceAccount.class)).isEmpty();
		assertThat(manifests.one(Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName())
			.isEqualTo("default");
	}

	@Test
	void namesFollowTheOverrides() {
		assertThat(
				HelmChart.render(Map.of("fullnameOverride", "monitor")).one(Deployment.class).getMetadata().getName())
			.isEqualTo("monitor");
		Deployment renamed = HelmChart.render(Map.of("nameOverride", "jvm")).one(Deployment.class);
		assertThat(renamed.getMetadata().getName()).isEqualTo("rm-jvm");
		assertThat(renamed.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "jvm");
	}

	@Test
	void theImageIsTheAppVersionUnlessATagOrDigestIsGiven() {
		assertThat(container(HelmChart.render(Map.of()).one(Deployment.class)).getImage())
			.isEqualTo("runtime-monitor:0.1.0");
		assertThat(container(HelmChart.render(Map.of("image.repository", "registry.example/rm", "image.tag", "1.2.3"))
			.one(Deployment.class)).getImage()).isEqualTo("registry.example/rm:1.2.3");
		String digest = "sha256:" + "ab".repeat(32);
		assertThat(container(HelmChart.render(Map.of("image.digest", digest)).one(Deployment.class)).getImage())
			.isEqualTo("runtime-monitor@" + digest);
	}

	@Test
	void theHelmTestPodGetsHealthThroughTheService() {
		Manifests manifests = HelmChart.renderWithHooks(Map.of());
		Pod test = manifests.one(Pod.class);
		Container curl = test.getSpec().getContainers().get(0);
		assertThat(curl.getImage()).isEqualTo("curlimages/curl:8.11.1");
		assertThat(curl.getCommand()).startsWith("curl", "--fail")
			.last()
			.isEqualTo("http://" + manifests.one(Service.class).getMetadata().getName() + ":8080/health");
		assertThat(test.getMetadata()
			.getLabels()
			.entrySet()
			.containsAll(manifests.one(Service.class).getSpec().getSelector().entrySet()))
			.as("the service selects the test pod")
			.isFalse();
		assertThat(test.getSpec().getRestartPolicy()).isEqualTo("Never");
		assertThat(test.getSpec().getAutomountServiceAccountToken()).isFalse();
		assertThat(curl.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(Yamls.read(HelmChart.DIRECTORY.resolve("templates/tests/test-health.yaml")))
			.as("the pod is a test hook")
			.contains("helm.sh/hook: test");
	}

	@Test
	void theNotesSayHowToReachTheServiceAndWhatIsScraped() {
		assertThat(HelmChart.renderNotes(Map.of())).contains(
				"kubectl -n monitoring port-forward svc/rm-runtime-monitor 8080:8080", "curl -s localhost:8080/health",
				"helm test rm -n monitoring", "No ServiceMonitor", "job_name: runtime-monitor");
		assertThat(HelmChart.renderNotes(Map.of("management.separatePort", true, "serviceMonitor.enabled", true,
				"prometheusRule.enabled", true, "grafanaDashboard.enabled", true)))
			.contains("port-forward svc/rm-runtime-monitor 8081:8081",
					"A ServiceMonitor scrapes /metrics every 15s as job=\"runtime-monitor\"",
					"{\"release\":\"kube-prometheus-stack\"}", "installed as a PrometheusRule",
					"ConfigMap rm-runtime-monitor-dashboard")
			.doesNotContain("No ServiceMonitor", "WARNING");
		Map<String, Object> withoutRequests = new HashMap<>();
		withoutRequests.put("autoscaling.enabled", true);
		withoutRequests.put("resources.requests", null);
		assertThat(HelmChart.renderNotes(withoutRequests))
			.contains("WARNING: autoscaling is on but resources.requests is empty");
	}

	private static Container container(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static Volume volume(Deployment deployment, String name) {
		return deployment.getSpec()
			.getTemplate()
			.getSpec()
			.getVolumes()
			.stream()
			.filter((volume) -> volume.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static String env(Deployment deployment, String name) {
		return container(deployment).getEnv()
			.stream()
			.filter((env) -> env.getName().equals(name))
			.map(EnvVar::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No environment variable " + name));
	}

	/**
	 * JVM options less {@code -XX:MaxRAMPercentage}, which the chart sets on its own (70
	 * rather than the image's 75).
	 */
	private static List<String> withoutHeapShare(List<String> options) {
		return options.stream().filter((option) -> !option.startsWith("-XX:MaxRAMPercentage=")).toList();
	}

	private static String checksum(Manifests manifests) {
		return manifests.one(Deployment.class)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations()
			.get("checksum/config");
	}

	private static String applicationYml(Manifests manifests) {
		return manifests.named(ConfigMap.class, HelmChart.FULLNAME).getData().get("application.yml");
	}

	private static Map<String, Object> endpoint(Map<String, Object> serviceMonitor) {
		List<Object> endpoints = Yamls.list(serviceMonitor, "spec.endpoints");
		assertThat(endpoints).hasSize(1);
		return Yamls.asMap(endpoints.get(0));
	}

}
