package org.datajoint.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small shared helpers of the suite. */
final class Tck {

    private static Path isolated;

    private Tck() {
    }

    /** An empty directory, marked as a project root so the config search stops there. */
    static synchronized Path isolatedDirectory() {
        if (isolated == null) {
            isolated = newProjectDirectory();
        }
        return isolated;
    }

    /** A fresh empty directory marked as a project root ({@code .git}). */
    static Path newProjectDirectory() {
        try {
            Path dir = Files.createTempDirectory("datajoint-tck");
            Files.createDirectory(dir.resolve(".git"));
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
