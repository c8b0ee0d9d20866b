package org.datajoint.tck.servers;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Chores shared by the embedded servers. */
final class Housekeeping {

    private Housekeeping() {
    }

    /**
     * Lowers slf4j-simple's level for a logger prefix to {@code warn}, unless the user chose one:
     * the embedded servers otherwise log every line their processes print.
     */
    static void quietLogs(String loggerPrefix) {
        String key = "org.slf4j.simpleLogger.log." + loggerPrefix;
        if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
    }

    /** Deletes a directory tree as far as possible, ignoring failures. */
    static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    file.toFile().delete();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    dir.toFile().delete();
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: what remains is in the temp dir
        }
    }
}
