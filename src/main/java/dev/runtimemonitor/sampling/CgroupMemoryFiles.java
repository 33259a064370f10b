package dev.runtimemonitor.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the memory limit and usage of the process's control group are, under cgroup v1
 * ({@code memory.limit_in_bytes}, {@code memory.usage_in_bytes}) or v2
 * ({@code memory.max}, {@code memory.current}).
 * <p>
 * The group comes from {@code /proc/self/cgroup}: a v1 {@code memory} controller line
 * wins (hybrid hosts have both), else the v2 {@code 0::} line. Inside a container with
 * its own cgroup namespace the group is {@code /}, so the mount root is tried when the
 * group's own directory is not there.
 *
 * @param limit the file holding the limit
 * @param usage the file holding the usage
 * @param unlimitedWord the word the limit file holds when there is no limit, or
 * {@code null} when "no limit" is written as a huge number (v1)
 */
record CgroupMemoryFiles(Path limit, Path usage, @Nullable String unlimitedWord) {

	static @Nullable CgroupMemoryFiles find(Path procSelfCgroup, Path mountRoot) {
		List<String> lines;
		try {
			lines = Files.readAllLines(procSelfCgroup);
		}
		catch (IOException ex) {
			return null;
		}
		String v2Group = null;
		for (String line : lines) {
			String[] parts = line.split(":", 3);
			if (parts.length != 3) {
				continue;
			}
			if (List.of(parts[1].split(",")).contains("memory")) {
				return existing(mountRoot.resolve("memory"), parts[2], "memory.limit_in_bytes", "memory.usage_in_bytes",
						null);
			}
			if (parts[0].equals("0") && parts[1].isEmpty()) {
				v2Group = parts[2];
			}
		}
		return (v2Group != null) ? existing(mountRoot, v2Group, "memory.max", "memory.current", "max") : null;
	}

	private static @Nullable CgroupMemoryFiles existing(Path hierarchy, String group, String limitName,
			String usageName, @Nullable String unlimitedWord) {
		for (Path directory : List.of(hierarchy.resolve(group.replaceFirst("^/+", "")), hierarchy)) {
			Path limit = directory.resolve(limitName);
			Path usage = directory.resolve(usageName);
			if (Files.isReadable(limit) && Files.isReadable(usage)) {
				return new CgroupMemoryFiles(limit, usage, unlimitedWord);
			}
		}
		return null;
	}

}
