package dev.runtimemonitor.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the memory limit, usage and statistics of the process's control group are, under
 * cgroup v1 ({@code memory.limit_in_bytes}, {@code memory.usage_in_bytes},
 * {@code memory.stat}) or v2 ({@code memory.max}, {@code memory.current},
 * {@code memory.stat}).
 * <p>
 * The group comes from {@code /proc/self/cgroup}: a v1 {@code memory} controller line
 * wins (hybrid hosts have both), else the v2 {@code 0::} line. Inside a container with
 * its own cgroup namespace the group is {@code /}, so the mount root is tried when the
 * group's own directory is not there.
 *
 * @param limit the file holding the limit
 * @param usage the file holding the usage
 * @param stat the file holding the statistics, or {@code null} when it cannot be read
 * @param unlimitedWord the word the limit file holds when there is no limit, or
 * {@code null} when "no limit" is written as a huge number (v1)
 * @param inactiveFileKeys the keys of the inactive file cache in the statistics, the
 * preferred first: v1's hierarchical {@code total_inactive_file} (counting the child
 * groups as its usage does) before its {@code inactive_file}; v2's {@code inactive_file}
 * (hierarchical already)
 */
record CgroupMemoryFiles(Path limit, Path usage, @Nullable Path stat, @Nullable String unlimitedWord,
		List<String> inactiveFileKeys) {

	private static final List<String> V1_INACTIVE_FILE = List.of("total_inactive_file", "inactive_file");

	private static final List<String> V2_INACTIVE_FILE = List.of("inactive_file");

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
						null, V1_INACTIVE_FILE);
			}
			if (parts[0].equals("0") && parts[1].isEmpty()) {
				v2Group = parts[2];
			}
		}
		return (v2Group != null) ? existing(mountRoot, v2Group, "memory.max", "memory.current", "max", V2_INACTIVE_FILE)
				: null;
	}

	private static @Nullable CgroupMemoryFiles existing(Path hierarchy, String group, String limitName,
			String usageName, @Nullable String unlimitedWord, List<String> inactiveFileKeys) {
		for (Path directory : List.of(hierarchy.resolve(group.replaceFirst("^/+", "")), hierarchy)) {
			Path limit = directory.resolve(limitName);
			Path usage = directory.resolve(usageName);
			if (Files.isReadable(limit) && Files.isReadable(usage)) {
				Path stat = directory.resolve("memory.stat");
				return new CgroupMemoryFiles(limit, usage, Files.isReadable(stat) ? stat : null, unlimitedWord,
						inactiveFileKeys);
			}
		}
		return null;
	}

}
