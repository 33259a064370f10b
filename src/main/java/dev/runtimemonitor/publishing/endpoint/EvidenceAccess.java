package dev.runtimemonitor.publishing.endpoint;

import org.springframework.boot.actuate.endpoint.SecurityContext;

/**
 * Who may read the evidence in {@code /runtime}: it names threads, classes and stacks, as
 * the health endpoint's details name the state of every component, so it follows the same
 * rule. The auto-configuration asks the health endpoint's primary group
 * ({@code management.endpoint.health.show-details} and {@code roles}); without a health
 * endpoint nobody reads it over HTTP. The log always has it.
 */
@FunctionalInterface
public interface EvidenceAccess {

	/** Nobody reads the evidence over HTTP. */
	EvidenceAccess NEVER = (securityContext) -> false;

	/**
	 * Whether a request may read the evidence.
	 * @param securityContext who asks
	 * @return {@code true} when the health endpoint would show this reader its details
	 */
	boolean isShown(SecurityContext securityContext);

}
