package dev.runtimemonitor.service.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DemoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(DemoConfiguration.class, DemoController.class);

	@Test
	void createsNothingWithoutTheDemoProfile() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(DemoController.class)
			.doesNotHaveBean(ThreadLeak.class)
			.doesNotHaveBean(DemoProperties.class));
	}

	@Test
	void createsTheScenariosWithTheDemoProfile() {
		this.runner.withPropertyValues("spring.profiles.active=demo")
			.run((context) -> assertThat(context).hasSingleBean(DemoController.class)
				.hasSingleBean(ThreadLeak.class)
				.hasSingleBean(RetainedHeap.class)
				.hasSingleBean(NativeMemory.class)
				.hasSingleBean(GarbageChurn.class)
				.hasSingleBean(Deadlock.class));
	}

	@Test
	void bindsTheBounds() {
		this.runner
			.withPropertyValues("spring.profiles.active=demo", "demo.heap.max-share=0.5",
					"demo.garbage.max-duration=90s", "demo.native-memory.max-megabytes=256")
			.run((context) -> {
				DemoProperties properties = context.getBean(DemoProperties.class);
				assertThat(properties.getHeap().getMaxShare()).isEqualTo(0.5);
				assertThat(properties.getGarbage().getMaxDuration()).hasSeconds(90);
				assertThat(context.getBean(NativeMemory.class).limitMegabytes()).isEqualTo(256);
				assertThat(context.getBean(RetainedHeap.class).limitMegabytes())
					.isEqualTo(context.getBean(RetainedHeap.class).maxHeapMegabytes() / 2);
			});
	}

	@Test
	void refusesAHeapShareThatCouldFillTheHeap() {
		this.runner.withPropertyValues("spring.profiles.active=demo", "demo.heap.max-share=0.99")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'heap.maxShare'")
				.hasMessageContaining("must be more than 0 and at most 0.95 of the maximum heap"));
	}

	@Test
	void refusesAChurnLongerThanAnHour() {
		this.runner.withPropertyValues("spring.profiles.active=demo", "demo.garbage.max-duration=2h")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'garbage.maxDuration'")
				.hasMessageContaining("must be between 1s and PT1H"));
	}

	@Test
	void refusesANativeBoundBeyondSixteenGigabytes() {
		this.runner.withPropertyValues("spring.profiles.active=demo", "demo.native-memory.max-megabytes=20000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'nativeMemory.maxMegabytes'")
				.hasMessageContaining("must be between 1 and 16384"));
	}

	@Test
	void refusesAMisspeltBound() {
		this.runner.withPropertyValues("spring.profiles.active=demo", "demo.heap.max-shar=0.5")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("max-shar"));
	}

}
