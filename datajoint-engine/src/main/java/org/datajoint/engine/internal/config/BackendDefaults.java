package org.datajoint.engine.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Backend facts the engine needs without naming a backend in code: the default backend. */
final class BackendDefaults {

    static final String DEFAULT_BACKEND = load().getProperty("default.backend");

    private BackendDefaults() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BackendDefaults.class.getResourceAsStream("defaults.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
