package dev.runtimemonitor.sampling;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The collectors of one snapshot as a list that builds its elements when read: a tick
 * keeps only the counts and times, beside names shared by every snapshot.
 */
final class CollectorList extends AbstractList<CollectorFigures> implements RandomAccess {

	private final String[] names;

	private final boolean[] concurrent;

	private final long[] countsAndTimes;

	CollectorList(String[] names, boolean[] concurrent, long[] countsAndTimes) {
		this.names = names;
		this.concurrent = concurrent;
		this.countsAndTimes = countsAndTimes;
	}

	@Override
	public CollectorFigures get(int index) {
		return new CollectorFigures(this.names[index], this.countsAndTimes[2 * index],
				this.countsAndTimes[2 * index + 1], this.concurrent[index]);
	}

	@Override
	public int size() {
		return this.names.length;
	}

	long pauseTimeMillis() {
		long total = 0;
		for (int i = 0; i < this.names.length; i++) {
			if (!this.concurrent[i]) {
				total += this.countsAndTimes[2 * i + 1];
			}
		}
		return total;
	}

}
