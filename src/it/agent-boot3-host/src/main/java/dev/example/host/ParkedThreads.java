package dev.example.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's own load on its threads: one call starts threads that park until a
 * second call lets them end, as a pool that leaks or a burst of blocked requests would.
 */
@RestController
@RequestMapping("/threads")
class ParkedThreads {

	private static final Logger logger = LoggerFactory.getLogger(ParkedThreads.class);

	private final List<Thread> parked = new ArrayList<>();

	private CountDownLatch release = new CountDownLatch(1);

	@PostMapping("/park")
	synchronized Map<String, Integer> park(@RequestParam int count) {
		CountDownLatch waitFor = this.release;
		for (int i = 0; i < count; i++) {
			Thread thread = new Thread(() -> awaitQuietly(waitFor), "parked-" + this.parked.size());
			// A test that fails before releasing them must not keep the JVM alive.
			thread.setDaemon(true);
			thread.start();
			this.parked.add(thread);
		}
		logger.info("Parked {} threads", this.parked.size());
		return Map.of("parked", this.parked.size());
	}

	/** Lets every parked thread end, and answers once they have. */
	@PostMapping("/release")
	synchronized Map<String, Integer> release() throws InterruptedException {
		this.release.countDown();
		for (Thread thread : this.parked) {
			thread.join();
		}
		int ended = this.parked.size();
		this.parked.clear();
		this.release = new CountDownLatch(1);
		logger.info("Released {} threads", ended);
		return Map.of("released", ended);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
