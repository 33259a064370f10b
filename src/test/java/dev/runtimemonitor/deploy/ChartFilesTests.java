package dev.runtimemonitor.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules and the dashboard have one home, the chart's files/, which the chart
 * reads and those who deploy without Helm load as they are: what the chart renders must
 * be exactly the file.
 */
class ChartFilesTests {

	@Test
	void thePrometheusRuleCarriesTheFilesGroups() {
		Map<String, Object> rule = HelmChart.render(Map.of("prometheusRule.enabled", true)).custom("PrometheusRule");
		assertThat(rule).containsEntry("apiVersion", "monitoring.coreos.com/v1")
			.containsEntry("kind", "PrometheusRule");
		assertThat(Yamls.map(rule, "metadata")).containsEntry("name", HelmChart.FULLNAME)
			.containsEntry("namespace", HelmChart.NAMESPACE);
		assertThat(Yamls.map(rule, "metadata.labels")).containsEntry("release", "kube-prometheus-stack");
		assertThat(Yamls.list(rule, "spec.groups")).isNotEmpty()
			.isEqualTo(Yamls.list(Yamls.load(PromQlExpressions.RULES), "groups"));
	}

	@Test
	void theDashboardConfigMapHoldsTheFileAsItIs() throws IOException {
		ConfigMap dashboard = HelmChart.render(Map.of("grafanaDashboard.enabled", true))
			.named(ConfigMap.class, HelmChart.FULLNAME + "-dashboard");
		assertThat(dashboard.getData().get("runtime-monitor-dashboard.json"))
			.isEqualTo(Files.readString(PromQlExpressions.DASHBOARD));
	}

	@Test
	void theRulesAndTheDashboardRenderOnlyWhenAskedFor() {
		Manifests manifests = HelmChart.render(Map.of("serviceMonitor.enabled", true));
		assertThat(manifests.kinds()).doesNotContain("monitoring.coreos.com/v1/PrometheusRule");
		assertThat(manifests.all(ConfigMap.class)).extracting((map) -> map.getMetadata().getName())
			.containsExactly(HelmChart.FULLNAME);
	}

}
