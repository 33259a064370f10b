package dev.runtimemonitor.autoconfigure;

import dev.runtimemonitor.publishing.endpoint.EvidenceAccess;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/**
 * Shows the evidence to exactly the readers the health endpoint shows its details to: its
 * primary group decides, with {@code management.endpoint.health.show-details}
 * ({@code never}, the default, {@code when-authorized} with
 * {@code management.endpoint.health.roles}, or {@code always}). Where the application has
 * no health endpoint, nobody sees the evidence over HTTP; so the library never shows more
 * than the host already does.
 */
final class HealthDetailsEvidenceAccess implements EvidenceAccess {

	private final ObjectProvider<HealthEndpointGroups> groups;

	HealthDetailsEvidenceAccess(ObjectProvider<HealthEndpointGroups> groups) {
		this.groups = groups;
	}

	@Override
	public boolean isShown(SecurityContext securityContext) {
		HealthEndpointGroups groups = this.groups.getIfAvailable();
		return groups != null && groups.getPrimary().showDetails(securityContext);
	}

}
