package dev.runtimemonitor.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The checks every rendered object goes through catch what Kubernetes would reject or
 * silently drop.
 */
class ManifestsTests {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: app
			spec:
			  selector:
			    matchLabels: {app: app}
			  template:
			    metadata:
			      labels: {app: app}
			    spec:
			      containers:
			        - name: app
			          image: app:1
			          readinessProbe:
			            periodSeconds: 5
			""";

	@Test
	void aWellFormedObjectParsesAsItsType() {
		Manifests manifests = Manifests.parse("---\n# Source: x\n" + DEPLOYMENT + "---\n");
		assertThat(manifests.one(Deployment.class)
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getReadinessProbe()
			.getPeriodSeconds()).isEqualTo(5);
	}

	@Test
	void aMisspeltFieldDeepInTheTreeIsNamedWithItsPath() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Manifests.parse(DEPLOYMENT.replace("periodSeconds", "periodSecond")))
			.withMessageContaining("Fields unknown to Deployment app")
			.withMessageContaining("spec.template.spec.containers[0].readinessProbe.periodSecond");
	}

	@Test
	void aWrongApiVersionIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Manifests.parse(DEPLOYMENT.replace("apps/v1", "extensions/v1beta1")))
			.withMessageContaining("Unexpected kind extensions/v1beta1/Deployment");
	}

	@Test
	void aWrongTypeIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Manifests.parse(DEPLOYMENT.replace("periodSeconds: 5", "periodSeconds: often")))
			.withMessageContaining("Not a valid apps/v1/Deployment")
			.withMessageContaining("\"often\"");
	}

	@Test
	void customKindsAreKeptAsPlainYaml() {
		Manifests manifests = Manifests
			.parse("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec: {}\n");
		assertThat(manifests.custom("ServiceMonitor")).containsEntry("kind", "ServiceMonitor");
		assertThat(manifests.kinds()).containsExactly("monitoring.coreos.com/v1/ServiceMonitor");
	}

}
