package dev.runtimemonitor.service.demo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The fault scenarios, only with the {@code demo} profile; {@link DemoController} serves
 * them. Each is closed with the context, so a stopping service lets go of what it holds.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DemoConfiguration.PROFILE)
@EnableConfigurationProperties(DemoProperties.class)
public class DemoConfiguration {

	/** The profile that switches the scenarios on. */
	public static final String PROFILE = "demo";

	@Bean
	ThreadLeak demoThreadLeak() {
		return new ThreadLeak();
	}

	@Bean
	RetainedHeap demoRetainedHeap(DemoProperties properties) {
		return new RetainedHeap(properties.getHeap().getMaxShare());
	}

	@Bean
	GarbageChurn demoGarbageChurn(DemoProperties properties) {
		return new GarbageChurn(properties.getGarbage().getMaxDuration());
	}

	@Bean
	NativeMemory demoNativeMemory(DemoProperties properties) {
		return new NativeMemory(properties.getNativeMemory().getMaxMegabytes());
	}

	@Bean
	Deadlock demoDeadlock() {
		return new Deadlock();
	}

}
