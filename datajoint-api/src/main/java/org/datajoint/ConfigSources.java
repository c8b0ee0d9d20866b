package org.datajoint;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a new {@link Config} is loaded from: the environment variables to read and the directory
 * from which {@code datajoint.json} and {@code .secrets/} are searched upwards.
 *
 * @param environment variables such as {@code DJ_HOST}; usually {@link System#getenv()}
 * @param workingDirectory the directory the search starts in
 */
public record ConfigSources(Map<String, String> environment, Path workingDirectory) {
    public ConfigSources {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** The process environment and working directory. */
    public static ConfigSources system() {
        return new ConfigSources(System.getenv(), Path.of(System.getProperty("user.dir")));
    }
}
