package dev.runtimemonitor.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Requests sent at a fixed rate, each stream bounded in count. A request that fails is
 * counted and the stream goes on: a scheduled task that throws is never run again, and a
 * leak that silently stopped would make the test measure the wrong rate.
 */
final class PacedLoad implements AutoCloseable {

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);

	/**
	 * Start a stream of requests, the first at once.
	 * @param period the time between two requests
	 * @param count the most requests to send
	 * @param expectedStatus the status each request should get
	 * @param request sends one request
	 * @return the stream, to read its counts
	 */
	Stream every(Duration period, int count, int expectedStatus, Supplier<HttpResponse<String>> request) {
		Stream stream = new Stream(count, expectedStatus, request);
		this.scheduler.scheduleAtFixedRate(stream::sendOne, 0, period.toMillis(), TimeUnit.MILLISECONDS);
		return stream;
	}

	@Override
	public void close() throws InterruptedException {
		this.scheduler.shutdownNow();
		this.scheduler.awaitTermination(30, TimeUnit.SECONDS);
	}

	/**
	 * One stream of requests and what became of them.
	 */
	static final class Stream {

		private final int count;

		private final int expectedStatus;

		private final Supplier<HttpResponse<String>> request;

		private final AtomicInteger sent = new AtomicInteger();

		private final AtomicInteger failed = new AtomicInteger();

		private volatile String lastFailure = "none";

		private Stream(int count, int expectedStatus, Supplier<HttpResponse<String>> request) {
			this.count = count;
			this.expectedStatus = expectedStatus;
			this.request = request;
		}

		private void sendOne() {
			if (this.sent.get() >= this.count) {
				return;
			}
			this.sent.incrementAndGet();
			try {
				HttpResponse<String> response = this.request.get();
				if (response.statusCode() != this.expectedStatus) {
					fail(response.statusCode() + " " + response.body());
				}
			}
			catch (RuntimeException ex) {
				fail(ex.toString());
			}
		}

		private void fail(String why) {
			this.failed.incrementAndGet();
			this.lastFailure = why;
		}

		int sent() {
			return this.sent.get();
		}

		int failed() {
			return this.failed.get();
		}

		String lastFailure() {
			return this.lastFailure;
		}

	}

}
