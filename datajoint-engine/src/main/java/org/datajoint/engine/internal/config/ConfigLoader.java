package org.datajoint.engine.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.datajoint.ConfigException;
import org.datajoint.ConfigSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link ConfigImpl} from DataJoint's sources, highest precedence first: environment
 * ({@code DJ_*}), the secrets directory, {@code datajoint.json}, defaults. Explicit overrides are
 * applied afterwards by the caller with {@link ConfigImpl#set}.
 */
public final class ConfigLoader {

    /** The project config file name, searched from the working directory upwards. */
    public static final String CONFIG_FILE = "datajoint.json";
    static final String SECRETS_DIR = ".secrets";
    static final Path SYSTEM_SECRETS_DIR = Path.of("/run/secrets/datajoint");

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigLoader() {
    }

    /** Loads a fresh config. */
    public static ConfigImpl load(ConfigSources sources, ToIntFunction<String> defaultPort) {
        ConfigImpl config = new ConfigImpl(defaultPort);
        applyEnvironment(config, sources.environment());
        if (config.getBoolean("ignore_config_file")) {
            LOG.debug("DJ_IGNORE_CONFIG_FILE is set: datajoint.json and secrets are not read");
            return config;
        }
        Path file = findConfigFile(sources.workingDirectory());
        Path secrets = findSecretsDir(file, sources.workingDirectory());
        if (secrets != null) {
            applySecrets(config, secrets);
        }
        if (file != null) {
            applyFile(config, file);
        }
        return config;
    }

    private static void applyEnvironment(ConfigImpl config, Map<String, String> env) {
        for (Setting s : Settings.all()) {
            String value = s.envVar() == null ? null : env.get(s.envVar());
            if (value != null && !value.isEmpty()) {
                try {
                    config.load(s.key(), value, ConfigImpl.Source.ENVIRONMENT);
                } catch (ConfigException e) {
                    throw new ConfigException("Environment variable " + s.envVar() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** {@code datajoint.json} in {@code start} or a parent, stopping at a {@code .git} or {@code .hg} boundary. */
    static Path findConfigFile(Path start) {
        Path current = start.toAbsolutePath().normalize();
        while (current != null) {
            Path candidate = current.resolve(CONFIG_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            if (Files.exists(current.resolve(".git")) || Files.exists(current.resolve(".hg"))) {
                return null;
            }
            current = current.getParent();
        }
        return null;
    }

    private static Path findSecretsDir(Path configFile, Path workingDirectory) {
        Path base = configFile != null ? configFile.getParent() : workingDirectory.toAbsolutePath().normalize();
        Path project = base.resolve(SECRETS_DIR);
        if (Files.isDirectory(project)) {
            return project;
        }
        return Files.isDirectory(SYSTEM_SECRETS_DIR) ? SYSTEM_SECRETS_DIR : null;
    }

    private static void applySecrets(ConfigImpl config, Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.startsWith(".")) {
                    continue;
                }
                if (name.startsWith("database.") || name.startsWith(Settings.STORES_PREFIX)) {
                    String value = Files.readString(f, StandardCharsets.UTF_8).strip();
                    try {
                        config.load(name, value, ConfigImpl.Source.SECRETS);
                    } catch (ConfigException e) {
                        throw new ConfigException("Secrets file " + f + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot read secrets directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void applyFile(ConfigImpl config, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + " must hold a JSON object");
        }
        LOG.info("Loading DataJoint configuration from {}", file);
        try {
            flatten("", root, config);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, JsonNode node, ConfigImpl config) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key + ".", v, config);
            } else {
                config.load(key, v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString(), ConfigImpl.Source.FILE);
            }
        }
    }
}
