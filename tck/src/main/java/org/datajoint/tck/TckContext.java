package org.datajoint.tck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.datajoint.Confirmer;
import org.datajoint.DataJoint;
import org.datajoint.DataJointException;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.tck.servers.TestServer;
import org.datajoint.tck.servers.TestServers;

/**
 * Per-test resources handed to suite methods: the server under test, instances connected to it,
 * and unique schema names. Everything created through it is dropped and closed after the test.
 */
public final class TckContext {

    private final TckTarget target;
    private final List<Instance> instances = Collections.synchronizedList(new ArrayList<>());
    private final List<String> schemas = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Map<TestServer, List<String>> elsewhere = new java.util.concurrent.ConcurrentHashMap<>();

    TckContext(TckTarget target) {
        this.target = target;
    }

    /** The dialect test class. */
    public TckTarget target() {
        return target;
    }

    /** The backend under test. */
    public String backend() {
        return target.backend();
    }

    /** The server the suite runs against. */
    public TestServer server() {
        return TestServers.get(target.backend());
    }

    /**
     * A builder preset for the server under test, isolated from the machine it runs on: an empty
     * environment and a working directory without {@code datajoint.json}.
     */
    public Instance.Builder builder() {
        return builder(server());
    }

    /** A builder preset like {@link #builder()}, for another server (one the test started itself). */
    public Instance.Builder builder(TestServer s) {
        return DataJoint.instance()
                .environment(java.util.Map.of())
                .workingDirectory(Tck.isolatedDirectory())
                .backend(s.backend()).host(s.host()).port(s.port()).user(s.user()).password(s.password())
                .confirmer(Confirmer.never());
    }

    /** A new instance on the server under test, closed after the test. */
    public Instance instance() {
        return track(builder().build());
    }

    /** Registers an instance to be closed after the test. */
    public Instance track(Instance instance) {
        instances.add(instance);
        return instance;
    }

    /** A schema name unique to this run and test, dropped after the test. */
    public String schemaName(String hint) {
        String name = ("tck_" + hint + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        schemas.add(name);
        return name;
    }

    /** A schema name unique to this run and test, dropped from {@code server} after the test. */
    public String schemaName(String hint, TestServer server) {
        String name = ("tck_" + hint + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        elsewhere.computeIfAbsent(server, k -> Collections.synchronizedList(new ArrayList<>())).add(name);
        return name;
    }

    /**
     * Drops this test's schemas, newest first; a schema still referenced from another one (MySQL
     * refuses to drop it) is retried after the others.
     */
    void cleanUp() {
        try {
            drop(builder(), schemas);
            for (java.util.Map.Entry<TestServer, List<String>> e : elsewhere.entrySet()) {
                drop(builder(e.getKey()), e.getValue());
            }
        } finally {
            List.copyOf(instances).forEach(Instance::close);
        }
    }

    private static void drop(Instance.Builder builder, List<String> schemas) {
        if (schemas.isEmpty()) {
            return;
        }
        try (Instance cleaner = builder.build()) {
            List<String> pending = new ArrayList<>(schemas);
            Collections.reverse(pending);
            for (int pass = 0; !pending.isEmpty(); pass++) {
                List<String> failed = new ArrayList<>();
                for (String name : pending) {
                    try {
                        if (cleaner.schema(name).exists()) {
                            cleaner.schema(name).drop(DropOptions.noPrompt());
                        }
                    } catch (DataJointException e) {
                        if (pass >= pending.size()) {
                            throw e;
                        }
                        failed.add(name);
                    }
                }
                pending = failed;
            }
        }
    }
}
