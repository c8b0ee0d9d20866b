package org.datajoint.engine.internal;

import org.datajoint.Config;
import org.datajoint.ConfigSources;
import org.datajoint.Instance;
import org.datajoint.engine.internal.config.ConfigImpl;
import org.datajoint.engine.internal.config.ConfigLoader;
import org.datajoint.engine.spi.Dialect;
import org.datajoint.engine.spi.Dialects;
import org.datajoint.spi.EngineProvider;

/** The engine's {@link EngineProvider}, registered for {@link java.util.ServiceLoader}. */
public final class Engine implements EngineProvider {

    static {
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    /** Used by {@link java.util.ServiceLoader}. */
    public Engine() {
    }

    @Override
    public Config loadConfig(ConfigSources sources) {
        return ConfigLoader.load(sources, Engine::defaultPort);
    }

    @Override
    public Instance open(Config config) {
        if (!(config instanceof ConfigImpl impl)) {
            throw new IllegalArgumentException("config must come from this engine, not " + config.getClass().getName());
        }
        Dialect dialect = Dialects.forBackend(impl.getString("database.backend"));
        return new InstanceImpl(impl, dialect);
    }

    @Override
    public org.datajoint.UniversalSet universalSet(java.util.List<String> attributes) {
        return new UniversalSetImpl(attributes);
    }

    @Override
    public org.datajoint.Diagram diagram(java.util.List<Object> sources) {
        return DiagramImpl.of(sources);
    }

    private static int defaultPort(String backend) {
        return Dialects.all().stream().filter(d -> backend != null && d.backends().contains(backend))
                .mapToInt(Dialect::defaultPort).findFirst().orElse(-1);
    }
}
