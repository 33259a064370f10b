package dev.runtimemonitor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout is the architecture: data flows from sampling through evaluation and
 * the monitor to publishing, Spring wiring and the agent stay at the edge, reading the
 * settings, and the service sits on top of the library. No import runs against that flow,
 * and no two packages need each other.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.runtimemonitor");

	@Test
	void everyLayerUsesOnlyTheLayersBelowIt() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Sampling")
			.definedBy("dev.runtimemonitor.sampling..")
			.layer("Evaluation")
			.definedBy("dev.runtimemonitor.evaluation..")
			.layer("Monitor")
			.definedBy("dev.runtimemonitor.monitor..")
			.layer("Settings")
			.definedBy("dev.runtimemonitor.settings..")
			.layer("Publishing")
			.definedBy("dev.runtimemonitor.publishing..")
			.layer("Wiring")
			.definedBy("dev.runtimemonitor.autoconfigure..")
			.layer("Agent")
			.definedBy("dev.runtimemonitor.agent..")
			.layer("Service")
			.definedBy("dev.runtimemonitor.service..")
			.whereLayer("Service")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Agent")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Wiring")
			.mayOnlyBeAccessedByLayers("Service")
			.whereLayer("Publishing")
			.mayOnlyBeAccessedByLayers("Wiring", "Agent", "Service")
			.whereLayer("Settings")
			.mayOnlyBeAccessedByLayers("Wiring", "Agent", "Service")
			.whereLayer("Monitor")
			.mayOnlyBeAccessedByLayers("Settings", "Publishing", "Wiring", "Agent", "Service")
			.whereLayer("Evaluation")
			.mayOnlyBeAccessedByLayers("Monitor", "Settings", "Publishing", "Wiring", "Agent", "Service")
			.check(CLASSES);
	}

	@Test
	void noTwoPackagesDependOnEachOther() {
		slices().matching("dev.runtimemonitor.(**)").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theCoreKnowsNothingOfSpring() {
		noClasses().that()
			.resideInAnyPackage("dev.runtimemonitor.sampling..", "dev.runtimemonitor.evaluation..",
					"dev.runtimemonitor.monitor..", "dev.runtimemonitor.settings..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..")
			.check(CLASSES);
	}

	/**
	 * The agent runs in JVMs without Spring: it uses the library's Spring-free part only,
	 * never its wiring, nor Spring itself.
	 */
	@Test
	void theAgentKnowsNothingOfSpring() {
		noClasses().that()
			.resideInAPackage("dev.runtimemonitor.agent..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "dev.runtimemonitor.autoconfigure..",
					"dev.runtimemonitor.publishing.endpoint..", "dev.runtimemonitor.publishing.health..")
			.check(CLASSES);
	}

}
