package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.datajoint.Heading;
import org.datajoint.engine.spi.CatalogTable;
import org.jooq.impl.DSL;

/**
 * An instance's cache of the server catalog: every table of a schema is read in one bulk call
 * the first time anything of that schema is needed, and kept until a declaration or drop in that
 * schema invalidates it.
 */
final class Catalog {

    private final ConnectionImpl connection;
    private final Map<String, Map<String, CatalogTable>> schemas = new ConcurrentHashMap<>();
    private final Map<CatalogTable, Heading> headings = new ConcurrentHashMap<>();
    /** Query headings of whole tables, shared by every handle of a table (they are immutable). */
    private final Map<CatalogTable, QHeading> queryHeadings = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Map<String, String>>> lineage = new ConcurrentHashMap<>();
    private volatile Dependencies dependencies;
    private volatile boolean referencingLoaded;

    Catalog(ConnectionImpl connection) {
        this.connection = connection;
    }

    /** The tables of a schema by SQL name, sorted; empty when the schema does not exist. */
    Map<String, CatalogTable> tables(String schema) {
        Map<String, CatalogTable> loaded = schemas.get(schema);
        if (loaded == null) {
            load(List.of(schema));
            loaded = schemas.get(schema);
        }
        return loaded;
    }

    Optional<CatalogTable> table(String schema, String table) {
        return Optional.ofNullable(tables(schema).get(table));
    }

    /** Loads every schema of {@code names} not loaded yet, in one bulk catalog read. */
    void load(Collection<String> names) {
        List<String> missing = names.stream().distinct().filter(n -> !schemas.containsKey(n)).toList();
        if (missing.isEmpty()) {
            return;
        }
        AtomicLong count = new AtomicLong();
        List<CatalogTable> read = connection.run("(catalog of " + missing + ")", jdbc -> {
            try {
                return connection.dialect().readCatalog(CountingConnection.wrap(jdbc, count), missing);
            } finally {
                connection.countStatements(count.get());
            }
        });
        Map<String, Map<String, CatalogTable>> bySchema = new LinkedHashMap<>();
        missing.forEach(n -> bySchema.put(n, new LinkedHashMap<>()));
        for (CatalogTable t : read) {
            bySchema.computeIfAbsent(t.schema(), k -> new LinkedHashMap<>()).put(t.name(), t);
        }
        bySchema.forEach((k, v) -> schemas.put(k, java.util.Collections.unmodifiableMap(v)));
        dependencies = null;
        referencingLoaded = false;
    }

    /**
     * Loads every schema that references a loaded one, transitively, so that the graph holds all
     * descendants; one query per level.
     */
    void loadReferencingSchemas() {
        if (referencingLoaded) {
            return;
        }
        while (true) {
            List<String> loaded = loadedSchemas();
            List<String> more = connection.run("(schemas referencing " + loaded + ")", jdbc -> {
                connection.countStatements(1);
                return connection.dialect().referencingSchemas(jdbc, loaded);
            });
            if (more.isEmpty()) {
                referencingLoaded = true;
                return;
            }
            load(more);
        }
    }

    /** The heading of a catalog table, built once. */
    Heading heading(CatalogTable table) {
        return headings.computeIfAbsent(table, t -> Headings.of(t, connection.dialect()));
    }

    /** The query heading of a whole table, made by {@code make} once per catalog state. */
    QHeading queryHeading(CatalogTable table, java.util.function.Function<CatalogTable, QHeading> make) {
        return queryHeadings.computeIfAbsent(table, make);
    }

    /**
     * The lineage of every attribute of a schema's tables (table name to attribute name to
     * lineage), read from its {@code ~lineage} table in one query and cached with the schema;
     * empty when the schema has no {@code ~lineage} table.
     */
    Map<String, Map<String, String>> lineage(String schema) {
        Map<String, Map<String, String>> cached = lineage.get(schema);
        if (cached == null) {
            cached = tables(schema).containsKey(Lineage.TABLE) ? Lineage.readSchema(connection, schema) : Map.of();
            lineage.put(schema, cached);
        }
        return cached;
    }

    /** Whether a schema has a {@code ~lineage} table, so that its attributes can be matched semantically. */
    boolean hasLineage(String schema) {
        return tables(schema).containsKey(Lineage.TABLE);
    }

    /** Forgets a schema after a declaration or drop changed it. */
    void invalidate(String schema) {
        referencingLoaded = false;
        lineage.remove(schema);
        Map<String, CatalogTable> old = schemas.remove(schema);
        if (old != null) {
            old.values().forEach(headings::remove);
            old.values().forEach(queryHeadings::remove);
        }
        dependencies = null;
    }

    /** Names of the schemas loaded so far. */
    List<String> loadedSchemas() {
        return new ArrayList<>(schemas.keySet());
    }

    /** The dependency graph over every loaded schema. */
    Dependencies dependencies() {
        Dependencies d = dependencies;
        if (d == null) {
            List<CatalogTable> all = new ArrayList<>();
            schemas.values().forEach(m -> all.addAll(m.values()));
            d = Dependencies.of(all, (schema, table) -> connection.renderer().render(DSL.name(schema, table)));
            dependencies = d;
        }
        return d;
    }

}
