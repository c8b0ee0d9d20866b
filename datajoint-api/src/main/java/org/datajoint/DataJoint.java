package org.datajoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.datajoint.spi.EngineProvider;

/**
 * Entry point. Create isolated contexts with {@link #instance()}, or use the global pattern
 * ({@link #config()}, {@link #conn()}, {@link #schema(String)}, {@link #freeTable(String)}), which
 * works on a default instance created on first use.
 *
 * <p><b>Thread-safe mode.</b> When the environment variable {@code DJ_THREAD_SAFE} is {@code true},
 * {@code 1} or {@code yes} at JVM start, every global method throws {@link ThreadSafetyException};
 * instances work as usual. There is deliberately no way to change this at run time.
 */
public final class DataJoint {

    /** The system property naming an {@link EngineProvider} class to use instead of discovery. */
    public static final String ENGINE_PROPERTY = "datajoint.engine";

    private static final boolean THREAD_SAFE = parseThreadSafe(System.getenv("DJ_THREAD_SAFE"));

    private static volatile EngineProvider provider;
    private static volatile Config globalConfig;
    private static volatile Instance globalInstance;

    private DataJoint() {
    }

    /** A builder for a new, isolated {@link Instance}. */
    public static Instance.Builder instance() {
        return new Instance.Builder();
    }

    /** Whether thread-safe mode is on for this JVM. */
    public static boolean isThreadSafe() {
        return THREAD_SAFE;
    }

    /**
     * The global config, loaded on first use from the environment, {@code .secrets/} and
     * {@code datajoint.json}. The default instance reads this same object.
     *
     * @throws ThreadSafetyException in thread-safe mode
     */
    public static Config config() {
        checkThreadSafe("DataJoint.config()");
        Config c = globalConfig;
        if (c == null) {
            synchronized (DataJoint.class) {
                c = globalConfig;
                if (c == null) {
                    c = provider().loadConfig(ConfigSources.system());
                    globalConfig = c;
                }
            }
        }
        return c;
    }

    /**
     * The default instance's connection, configured by {@link #config()}.
     *
     * @throws ThreadSafetyException in thread-safe mode
     */
    public static Connection conn() {
        checkThreadSafe("DataJoint.conn()");
        return defaultInstance().connection();
    }

    /**
     * A schema on the default instance's connection.
     *
     * @throws ThreadSafetyException in thread-safe mode
     */
    public static Schema schema(String name) {
        checkThreadSafe("DataJoint.schema()");
        return defaultInstance().schema(name);
    }

    /**
     * A table by full name on the default instance's connection.
     *
     * @throws ThreadSafetyException in thread-safe mode
     */
    public static FreeTable freeTable(String fullTableName) {
        checkThreadSafe("DataJoint.freeTable()");
        return defaultInstance().freeTable(fullTableName);
    }

    /**
     * The universal set with these attributes as its primary key ({@code dj.U}); with no
     * attributes, the set of one entity with no attributes. Needs no connection.
     */
    @SuppressWarnings("checkstyle:MethodName")
    public static UniversalSet U(String... attributes) {
        return provider().universalSet(java.util.List.of(attributes));
    }

    private static Instance defaultInstance() {
        Instance i = globalInstance;
        if (i == null) {
            Config c = config();
            synchronized (DataJoint.class) {
                i = globalInstance;
                if (i == null) {
                    i = provider().open(c);
                    globalInstance = i;
                }
            }
        }
        return i;
    }

    private static void checkThreadSafe(String what) {
        if (THREAD_SAFE) {
            throw new ThreadSafetyException(what + " uses global state, which is disabled in thread-safe mode"
                    + " (DJ_THREAD_SAFE is set). Create an Instance with DataJoint.instance()...build() and use it instead.");
        }
    }

    static boolean parseThreadSafe(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }

    static EngineProvider provider() {
        EngineProvider p = provider;
        if (p == null) {
            synchronized (DataJoint.class) {
                p = provider;
                if (p == null) {
                    p = findProvider();
                    provider = p;
                }
            }
        }
        return p;
    }

    private static EngineProvider findProvider() {
        String explicit = System.getProperty(ENGINE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            try {
                Class<?> type = Class.forName(explicit.strip(), true, DataJoint.class.getClassLoader());
                return (EngineProvider) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new DataJointException("Cannot use the engine named by -D" + ENGINE_PROPERTY + "=" + explicit
                        + ": " + e, e);
            }
        }
        List<EngineProvider> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        var iterator = ServiceLoader.load(EngineProvider.class, DataJoint.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                errors.add(e.getMessage());
            }
        }
        if (found.isEmpty()) {
            throw new DataJointException("No DataJoint engine on the class path: add the artifact"
                    + " org.datajoint:datajoint-engine (and a dialect, org.datajoint:datajoint-dialect-mysql or"
                    + " org.datajoint:datajoint-dialect-postgres)"
                    + (errors.isEmpty() ? "." : "; providers that failed to load: " + errors));
        }
        found.sort(Comparator.comparingInt(EngineProvider::priority).reversed());
        if (found.size() > 1 && found.get(0).priority() == found.get(1).priority()) {
            throw new DataJointException("Several DataJoint engines of equal priority on the class path: "
                    + found.stream().map(e -> e.getClass().getName()).toList()
                    + "; keep one, or choose with -D" + ENGINE_PROPERTY + "=<class>.");
        }
        return found.get(0);
    }
}
