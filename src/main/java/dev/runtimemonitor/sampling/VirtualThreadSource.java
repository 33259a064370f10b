package dev.runtimemonitor.sampling;

import java.util.List;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The virtual-thread scheduler's figures. The bean exists from JDK 24 on; it is read by
 * name so that the same build runs on JDK 21, where this source is simply unsupported.
 */
final class VirtualThreadSource implements SampleSource<VirtualThreadFigures> {

	static final String OBJECT_NAME = "jdk.management:type=VirtualThreadScheduler";

	private static final String[] ATTRIBUTES = { "Parallelism", "PoolSize", "MountedVirtualThreadCount",
			"QueuedVirtualThreadCount" };

	private final MBeanServer server;

	private final ObjectName name;

	VirtualThreadSource(MBeanServer server) {
		this.server = server;
		this.name = objectName();
	}

	private static ObjectName objectName() {
		try {
			return new ObjectName(OBJECT_NAME);
		}
		catch (MalformedObjectNameException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String name() {
		return "virtual-threads";
	}

	@Override
	public boolean isSupported() {
		return this.server.isRegistered(this.name);
	}

	@Override
	public VirtualThreadFigures read() throws Exception {
		AttributeList values = this.server.getAttributes(this.name, ATTRIBUTES);
		List<Attribute> attributes = values.asList();
		if (attributes.size() != ATTRIBUTES.length) {
			throw new IllegalStateException(
					"Read " + attributes.size() + " of " + ATTRIBUTES.length + " attributes of " + OBJECT_NAME);
		}
		return new VirtualThreadFigures(number(attributes, 0).intValue(), number(attributes, 1).intValue(),
				number(attributes, 2).intValue(), number(attributes, 3).longValue());
	}

	private static Number number(List<Attribute> attributes, int index) {
		Attribute attribute = attributes.get(index);
		if (!ATTRIBUTES[index].equals(attribute.getName()) || !(attribute.getValue() instanceof Number number)) {
			throw new IllegalStateException("Unexpected attribute " + attribute + " of " + OBJECT_NAME);
		}
		return number;
	}

}
