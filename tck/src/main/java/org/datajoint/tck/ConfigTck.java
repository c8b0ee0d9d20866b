package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.datajoint.Config;
import org.datajoint.ConfigException;
import org.datajoint.DataJoint;
import org.datajoint.Instance;
import org.junit.jupiter.api.Test;

/** Configuration: sources and their precedence, typed access, validation, scoping and isolation. */
public interface ConfigTck extends TckTarget {

    private static Instance.Builder offline(TckContext tck, Map<String, String> env, Path dir) {
        return DataJoint.instance().environment(env).workingDirectory(dir).backend(tck.backend());
    }

    @Test
    default void sourcesApplyInPrecedenceOrder(TckContext tck) throws IOException {
        Path project = Tck.newProjectDirectory();
        Path nested = Files.createDirectories(project.resolve("src/analysis"));
        Files.writeString(project.resolve("datajoint.json"), """
                {"database": {"host": "from-file", "user": "file-user", "port": 3999},
                 "display.limit": 7, "safemode": false, "jobs": {"default_priority": 9}}
                """);
        Files.createDirectory(project.resolve(".secrets"));
        Files.writeString(project.resolve(".secrets/database.user"), "secret-user\n");
        Files.writeString(project.resolve(".secrets/database.password"), "s3cret\n");
        Map<String, String> env = Map.of("DJ_HOST", "from-env", "DJ_JOBS_DEFAULT_PRIORITY", "3");

        try (Instance inst = tck.track(offline(tck, env, nested).set("display.limit", 30).build())) {
            Config c = inst.config();
            assertEquals(30, c.getInt("display.limit"), "override beats file");
            assertEquals("override", c.source("display.limit"));
            assertEquals("from-env", c.getString("database.host"), "environment beats file");
            assertEquals("environment", c.source("database.host"));
            assertEquals(3, c.getInt("jobs.default_priority"), "environment beats file");
            assertEquals("secret-user", c.getString("database.user"), "secrets beat file");
            assertEquals("secrets", c.source("database.user"));
            assertEquals("s3cret", c.getString("database.password"));
            assertEquals(3999, c.getInt("database.port"), "file beats default");
            assertFalse(c.getBoolean("safemode"), "file beats default");
            assertEquals("file", c.source("safemode"));
            assertEquals(14, c.getInt("display.width"), "default");
            assertEquals("default", c.source("display.width"));
        }
    }

    @Test
    default void ignoreConfigFileSkipsFileAndSecrets(TckContext tck) throws IOException {
        Path project = Tck.newProjectDirectory();
        Files.writeString(project.resolve("datajoint.json"), "{\"database.host\": \"from-file\"}");
        Files.createDirectory(project.resolve(".secrets"));
        Files.writeString(project.resolve(".secrets/database.password"), "s3cret");
        Config c = tck.track(offline(tck, Map.of("DJ_IGNORE_CONFIG_FILE", "true"), project).build()).config();
        assertEquals("localhost", c.getString("database.host"));
        assertNull(c.getString("database.password"));
    }

    @Test
    default void configSearchStopsAtProjectBoundary(TckContext tck) throws IOException {
        Path outer = Tck.newProjectDirectory();
        Files.writeString(outer.resolve("datajoint.json"), "{\"database.host\": \"outer\"}");
        Path inner = Files.createDirectories(outer.resolve("inner"));
        Files.createDirectory(inner.resolve(".git"));
        assertEquals("localhost", tck.track(offline(tck, Map.of(), inner).build()).config().getString("database.host"));
        assertEquals("outer", tck.track(offline(tck, Map.of(), outer).build()).config().getString("database.host"));
    }

    @Test
    default void portDefaultsByBackendAndExplicitPortWins(TckContext tck) {
        Config c = tck.track(offline(tck, Map.of(), Tck.isolatedDirectory()).build()).config();
        assertEquals(defaultPort(), c.getInt("database.port"));
        assertEquals("default", c.source("database.port"));
        assertTrue(c.keys().contains("database.port"), c.keys().toString());
        Config explicit = tck.track(offline(tck, Map.of("DJ_PORT", "1234"), Tck.isolatedDirectory())
                .port(4321).build()).config();
        assertEquals(4321, explicit.getInt("database.port"));
        assertEquals(1234, tck.track(offline(tck, Map.of("DJ_PORT", "1234"), Tck.isolatedDirectory()).build())
                .config().getInt("database.port"), "the environment's port, which the explicit one beat");
    }

    @Test
    default void nestedKeysAcceptDotsAndDoubleUnderscores(TckContext tck) {
        Config c = tck.track(offline(tck, Map.of(), Tck.isolatedDirectory())
                .set("display__limit", 5).set("jobs.keep_completed", "yes").build()).config();
        assertEquals(5, c.getInt("display.limit"));
        assertEquals(5, c.get("display__limit"));
        assertTrue(c.getBoolean("jobs__keep_completed"));
        c.set("display__width", "20");
        assertEquals(20, c.getInt("display.width"));
    }

    @Test
    default void badKeysAndValuesAreRejectedWithTheirName(TckContext tck) {
        Config c = tck.track(offline(tck, Map.of(), Tck.isolatedDirectory()).build()).config();
        ConfigException unknown = assertThrows(ConfigException.class, () -> c.set("display.limt", 3));
        assertTrue(unknown.getMessage().contains("display.limt"), unknown.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> c.set("display.limit", "many"));
        assertTrue(type.getMessage().contains("display.limit"), type.getMessage());
        ConfigException range = assertThrows(ConfigException.class, () -> c.set("jobs.default_priority", 256));
        assertTrue(range.getMessage().contains("jobs.default_priority"), range.getMessage());
        assertThrows(ConfigException.class, () -> c.set("loglevel", "LOUD"));
        assertThrows(ConfigException.class, () -> c.get("no_such_key"));
        assertThrows(ConfigException.class, () -> offline(tck, Map.of(), Tck.isolatedDirectory()).set("bogus", 1).build());
        ConfigException env = assertThrows(ConfigException.class,
                () -> offline(tck, Map.of("DJ_PORT", "eighty"), Tck.isolatedDirectory()).build());
        assertTrue(env.getMessage().contains("DJ_PORT"), env.getMessage());
    }

    @Test
    default void scopedOverrideRestoresPreviousValues(TckContext tck) {
        Config c = tck.track(offline(tck, Map.of(), Tck.isolatedDirectory()).build()).config();
        c.set("display.limit", 8);
        try (Config.Scope s = c.override(Map.of("safemode", false, "display.limit", 50))) {
            assertFalse(c.getBoolean("safemode"));
            assertEquals(50, c.getInt("display.limit"));
            try (Config.Scope inner = c.override("display.limit", 60)) {
                assertEquals(60, c.getInt("display.limit"));
            }
            assertEquals(50, c.getInt("display.limit"));
        }
        assertTrue(c.getBoolean("safemode"));
        assertEquals(8, c.getInt("display.limit"));
        assertEquals("default", c.source("safemode"));
    }

    @Test
    default void copiesAreDeepAndIndependent(TckContext tck) {
        Config a = tck.track(offline(tck, Map.of(), Tck.isolatedDirectory()).build()).config();
        Config b = a.copy();
        b.set("display.limit", 99).set("stores.main.location", "/data");
        assertEquals(12, a.getInt("display.limit"));
        assertNull(a.get("stores.main.location"));
        assertEquals("/data", b.getString("stores.main.location"));
        Instance fromCopy = tck.track(DataJoint.instance().config(b).set("safemode", false).build());
        assertEquals(99, fromCopy.config().getInt("display.limit"));
        assertTrue(b.getBoolean("safemode"), "building from a config copies it");
    }

    @Test
    default void passwordsNeverShowInToString(TckContext tck) {
        Instance inst = tck.track(offline(tck, Map.of(), Tck.isolatedDirectory())
                .user("alice").password("hunter2-secret").set("stores.s3.secret_key", "aws-key-123").build());
        String text = inst.config().toString() + inst + inst.connection();
        assertFalse(text.contains("hunter2-secret"), text);
        assertFalse(text.contains("aws-key-123"), text);
        assertTrue(text.contains("alice"), text);
    }

    @Test
    default void connectionSettingsFreezeWhenThePoolOpensButRuntimeSettingsDoNot(TckContext tck) {
        Instance inst = tck.instance();
        inst.config().set("database.host", tck.server().host());
        inst.connection().query("SELECT 1");
        ConfigException frozen = assertThrows(ConfigException.class, () -> inst.config().set("database.host", "elsewhere"));
        assertTrue(frozen.getMessage().contains("database.host"), frozen.getMessage());
        inst.config().set("safemode", false).set("display.limit", 3).set("jobs.default_priority", 1);
        assertEquals(3, inst.config().getInt("display.limit"));
    }

    @Test
    default void instancesDoNotShareConfigWithEachOtherOrTheGlobalOne(TckContext tck) {
        Instance a = tck.track(tck.builder().set("display.limit", 5).build());
        Instance b = tck.track(tck.builder().set("display.limit", 6).build());
        a.config().set("safemode", false);
        assertEquals(5, a.config().getInt("display.limit"));
        assertEquals(6, b.config().getInt("display.limit"));
        assertTrue(b.config().getBoolean("safemode"));
        if (!DataJoint.isThreadSafe()) {
            Config global = DataJoint.config();
            assertSame(global, DataJoint.config());
            Object globalLimit = global.get("display.limit");
            a.config().set("display.limit", 77);
            assertEquals(globalLimit, global.get("display.limit"));
            assertTrue(global != a.config() && global != b.config());
        }
    }
}
