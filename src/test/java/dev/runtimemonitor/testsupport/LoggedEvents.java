package dev.runtimemonitor.testsupport;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;

/**
 * The events one logger logs on the thread that starts listening: the test's. The
 * monitors of Spring contexts that other test classes left cached log through the same
 * loggers on their own threads meanwhile, and none of their events are the test's.
 */
public final class LoggedEvents implements AutoCloseable {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LoggedEvents(Logger logger) {
		this.logger = logger;
		String thread = Thread.currentThread().getName();
		this.appender.addFilter(new Filter<>() {

			@Override
			public FilterReply decide(ILoggingEvent event) {
				return thread.equals(event.getThreadName()) ? FilterReply.NEUTRAL : FilterReply.DENY;
			}

		});
		this.appender.start();
		logger.addAppender(this.appender);
	}

	/**
	 * Start listening to the logger named after a class, on this thread.
	 * @param loggerClass the class whose logger to listen to
	 * @return the events, until {@link #close()}
	 */
	public static LoggedEvents onThisThread(Class<?> loggerClass) {
		return new LoggedEvents((Logger) LoggerFactory.getLogger(loggerClass));
	}

	/**
	 * The events logged so far.
	 * @return them, oldest first
	 */
	public List<ILoggingEvent> list() {
		return this.appender.list;
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
	}

}
