package org.datajoint.spi;

import org.datajoint.Config;
import org.datajoint.ConfigSources;
import org.datajoint.Instance;

/**
 * The engine behind the API, found with {@link java.util.ServiceLoader}. The {@code datajoint-engine}
 * artifact provides the one implementation; applications never call this directly.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface EngineProvider {

    /** A fresh config loaded from the given sources (environment, secrets, {@code datajoint.json}, defaults). */
    Config loadConfig(ConfigSources sources);

    /**
     * A new instance that owns {@code config} (not a copy: the caller hands it over). Does not
     * connect.
     */
    Instance open(Config config);

    /** When several providers are found, the highest priority wins. */
    default int priority() {
        return 0;
    }

    /**
     * The universal set with these attributes as primary key, for {@link org.datajoint.DataJoint#U}.
     *
     * @throws IllegalArgumentException for a blank or repeated attribute name
     */
    org.datajoint.UniversalSet universalSet(java.util.List<String> attributes);

    /**
     * The diagram of these sources, for {@link org.datajoint.Diagram#of}.
     *
     * @throws IllegalArgumentException for a source this engine did not create
     */
    org.datajoint.Diagram diagram(java.util.List<Object> sources);
}
