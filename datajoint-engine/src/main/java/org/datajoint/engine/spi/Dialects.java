package org.datajoint.engine.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.datajoint.DialectNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link Dialect} for a backend name, the way SLF4J 2 finds its provider: an explicit
 * override first (system property {@code datajoint.dialect.<backend>=<class name>}), else the one
 * {@link ServiceLoader} finds for that backend. Providers that fail to load are logged and named
 * in the error; two dialects claiming one backend without an override is an error, not a guess.
 */
public final class Dialects {

    /** Prefix of the system properties that choose a dialect class per backend. */
    public static final String OVERRIDE_PREFIX = "datajoint.dialect.";

    private static final Logger LOG = LoggerFactory.getLogger(Dialects.class);
    private static final Properties KNOWN_ARTIFACTS = loadKnownArtifacts();
    private static volatile Loaded loaded;

    private Dialects() {
    }

    /**
     * The dialect serving {@code backend} (case-insensitive).
     *
     * @throws DialectNotFoundException when none or several serve it, naming what is available and the artifact to add
     */
    public static Dialect forBackend(String backend) {
        String key = backend == null ? "" : backend.strip().toLowerCase(Locale.ROOT);
        String override = System.getProperty(OVERRIDE_PREFIX + key);
        if (override != null && !override.isBlank()) {
            return instantiate(key, override.strip());
        }
        Loaded loaded = load();
        List<Dialect> matches = new ArrayList<>(1);
        for (Dialect d : loaded.dialects) {
            if (d.backends().contains(key)) {
                matches.add(d);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw new DialectNotFoundException("several dialects serve backend '" + key + "': "
                    + matches.stream().map(d -> d.getClass().getName()).toList()
                    + "; keep one on the class path or choose with -D" + OVERRIDE_PREFIX + key + "=<class>");
        }
        StringBuilder msg = new StringBuilder("no dialect for backend '").append(key).append("'; available: ")
                .append(available(loaded.dialects));
        String artifact = KNOWN_ARTIFACTS.getProperty(key);
        if (artifact != null) {
            msg.append(". Add the artifact ").append(artifact).append(" to the class path");
        }
        if (!loaded.errors.isEmpty()) {
            msg.append(". Dialects that failed to load: ").append(loaded.errors);
        }
        throw new DialectNotFoundException(msg.toString());
    }

    /**
     * Every dialect the class path provides, in no particular order. The class path is scanned once;
     * load failures are logged and skipped.
     */
    public static List<Dialect> all() {
        return load().dialects;
    }

    private static TreeSet<String> available(List<Dialect> dialects) {
        TreeSet<String> names = new TreeSet<>();
        dialects.forEach(d -> names.addAll(d.backends()));
        return names;
    }

    private static Dialect instantiate(String backend, String className) {
        try {
            Class<?> type = Class.forName(className, true, Dialects.class.getClassLoader());
            return (Dialect) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new DialectNotFoundException("cannot use dialect " + className + " chosen for backend '" + backend
                    + "' by -D" + OVERRIDE_PREFIX + backend + ": " + e, e);
        }
    }

    private record Loaded(List<Dialect> dialects, List<String> errors) {
    }

    private static Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            l = scan();
            loaded = l;
        }
        return l;
    }

    private static Loaded scan() {
        List<Dialect> dialects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        var it = ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                dialects.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.warn("A DataJoint dialect failed to load and is ignored: {}", e.toString());
                errors.add(e.getMessage());
            }
        }
        return new Loaded(List.copyOf(dialects), List.copyOf(errors));
    }

    private static Properties loadKnownArtifacts() {
        Properties p = new Properties();
        try (InputStream in = Dialects.class.getResourceAsStream("known-dialects.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
