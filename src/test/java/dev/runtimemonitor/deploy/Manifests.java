package dev.runtimemonitor.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The objects {@code helm template} rendered (or a page of the documentation shows), each
 * parsed as its Kubernetes type. An object whose kind the chart is not meant to render,
 * whose apiVersion is wrong, or that holds a field its type does not know, fails the
 * parse: Kubernetes would reject it or silently drop the field.
 */
public final class Manifests {

	/** The kinds the chart renders with a typed model, by apiVersion and kind. */
	private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of("v1/ConfigMap", ConfigMap.class,
			"v1/Service", Service.class, "v1/ServiceAccount", ServiceAccount.class, "v1/Pod", Pod.class,
			"apps/v1/Deployment", Deployment.class, "autoscaling/v2/HorizontalPodAutoscaler",
			HorizontalPodAutoscaler.class, "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
			"networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

	/** Prometheus Operator kinds: no typed model here, checked as plain YAML. */
	static final Set<String> CUSTOM = Set.of("monitoring.coreos.com/v1/ServiceMonitor",
			"monitoring.coreos.com/v1/PrometheusRule");

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final List<Map<String, Object>> documents;

	private final List<HasMetadata> typed;

	private Manifests(List<Map<String, Object>> documents) {
		this.documents = documents;
		this.typed = documents.stream()
			.filter((document) -> !CUSTOM.contains(typeKey(document)))
			.map(Manifests::toTyped)
			.toList();
	}

	/**
	 * Parse the output of {@code helm template}.
	 * @param yaml the rendered documents
	 * @return the manifests
	 */
	@SuppressWarnings("unchecked")
	public static Manifests parse(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return new Manifests(documents);
	}

	private static String typeKey(Map<String, Object> document) {
		return document.get("apiVersion") + "/" + document.get("kind");
	}

	private static HasMetadata toTyped(Map<String, Object> document) {
		Class<? extends HasMetadata> type = TYPES.get(typeKey(document));
		if (type == null) {
			throw new IllegalStateException("Unexpected kind " + typeKey(document) + " rendered: " + document);
		}
		HasMetadata object;
		try {
			object = mapper.convertValue(document, type);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Not a valid " + typeKey(document) + ": " + ex.getOriginalMessage(), ex);
		}
		List<String> unknown = UnknownFields.of(object);
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("Fields unknown to " + type.getSimpleName() + " "
					+ object.getMetadata().getName() + ": " + unknown);
		}
		return object;
	}

	/**
	 * The kinds rendered, as apiVersion/kind, sorted.
	 * @return the kinds, one entry per object
	 */
	public List<String> kinds() {
		return this.documents.stream().map(Manifests::typeKey).sorted().toList();
	}

	Set<String> distinctKinds() {
		return new TreeSet<>(kinds());
	}

	/**
	 * The only object of a type.
	 * @param <T> the type
	 * @param type its class
	 * @return the object
	 */
	public <T extends HasMetadata> T one(Class<T> type) {
		List<T> all = all(type);
		if (all.size() != 1) {
			throw new IllegalStateException("Expected one " + type.getSimpleName() + ", found " + all.size());
		}
		return all.get(0);
	}

	public <T extends HasMetadata> List<T> all(Class<T> type) {
		return this.typed.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * The named object of a type.
	 * @param <T> the type
	 * @param type its class
	 * @param name its metadata.name
	 * @return the object
	 */
	<T extends HasMetadata> T named(Class<T> type, String name) {
		return all(type).stream()
			.filter((object) -> name.equals(object.getMetadata().getName()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName() + " named " + name));
	}

	/**
	 * The only object of a custom kind, as plain YAML.
	 * @param kind the kind, such as {@code ServiceMonitor}
	 * @return the object
	 */
	public Map<String, Object> custom(String kind) {
		List<Map<String, Object>> found = this.documents.stream()
			.filter((document) -> kind.equals(document.get("kind")))
			.toList();
		if (found.size() != 1) {
			throw new IllegalStateException("Expected one " + kind + ", found " + found.size());
		}
		return found.get(0);
	}

	List<Map<String, Object>> documents() {
		return this.documents;
	}

	/**
	 * Every object's labels, by kind and name.
	 * @return the labels
	 */
	Map<String, Map<String, String>> labelsByObject() {
		Map<String, Map<String, String>> labels = new LinkedHashMap<>();
		for (HasMetadata object : this.typed) {
			labels.put(object.getKind() + "/" + object.getMetadata().getName(),
					Objects.requireNonNullElse(object.getMetadata().getLabels(), Map.of()));
		}
		return labels;
	}

	@Override
	public String toString() {
		return this.documents.stream().map(Manifests::typeKey).collect(Collectors.joining(", "));
	}

}
