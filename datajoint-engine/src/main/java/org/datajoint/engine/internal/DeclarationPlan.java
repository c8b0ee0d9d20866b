package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.datajoint.Attribute;
import org.datajoint.DefinitionException;
import org.datajoint.Heading;
import org.datajoint.Tier;
import org.datajoint.engine.internal.definition.DeclaredType;
import org.datajoint.engine.internal.definition.TableDefinition;
import org.datajoint.engine.internal.definition.TableDefinition.IndexLine;
import org.datajoint.engine.spi.CoreType;
import org.datajoint.engine.spi.Dialect;

/** The columns, keys and statements that declare one table, resolved against the catalog. */
final class DeclarationPlan {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeclarationPlan.class);

    /** One column to create. */
    record Column(String name, String type, CoreType core, String sqlType, boolean inPrimaryKey, boolean nullable,
            String defaultValue, String comment, String lineage) {
    }

    /** One foreign key to create. */
    record Reference(TableImpl parent, Map<String, String> attributes, boolean unique) {
    }

    private final TableImpl table;
    private final String comment;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<IndexLine> indexes = new ArrayList<>();
    private final List<String> preparation = new ArrayList<>();

    private DeclarationPlan(TableImpl table, String comment) {
        this.table = table;
        this.comment = comment;
    }

    static DeclarationPlan of(InstanceImpl instance, TableImpl table, Tier tier, TableDefinition def, TableImpl master) {
        DeclarationPlan plan = new DeclarationPlan(table, def.comment());
        Dialect dialect = instance.connectionImpl().dialect();
        boolean allowNativeKeys = instance.config().getBoolean("jobs.allow_new_pk_fields_in_computed_tables");
        for (TableDefinition.Line line : def.lines()) {
            if (line instanceof TableDefinition.Attribute a) {
                if (plan.columns.containsKey(a.name())) {
                    throw new DefinitionException("line " + a.line() + ": attribute '" + a.name()
                            + "' is already defined by a foreign key above");
                }
                if (a.inPrimaryKey() && tier.isAutoPopulated() && !allowNativeKeys) {
                    throw new DefinitionException("line " + a.line() + ": " + tier + " table "
                            + table.className() + " declares primary-key attribute '" + a.name()
                            + "'; primary keys of auto-populated tables must come from foreign keys"
                            + " (or set jobs.allow_new_pk_fields_in_computed_tables)");
                }
                if (!a.type().isCore()) {
                    LOG.warn("{}: attribute '{}' uses the native type '{}', which may not be portable across backends;"
                            + " prefer a core DataJoint type (int32, float64, varchar(n), ...)", table.className(),
                            a.name(), a.type().text());
                }
                plan.add(dialect, a.name(), a.type().text(), core(a.type()), a.inPrimaryKey(), a.nullable(),
                        a.defaultValue(), a.comment(), a.inPrimaryKey()
                                ? table.schemaName() + "." + table.tableName() + "." + a.name() : null);
            } else if (line instanceof TableDefinition.Reference fk) {
                plan.reference(instance, dialect, fk, master);
            } else if (line instanceof IndexLine i) {
                plan.indexes.add(i);
            }
        }
        if (plan.columns.values().stream().noneMatch(Column::inPrimaryKey)) {
            plan.add(dialect, "_singleton", "bool", new CoreType("bool", List.of()), true, false,
                    "true", "singleton key", null);
        }
        if (tier.isAutoPopulated() && instance.config().getBoolean("jobs.add_job_metadata")) {
            plan.add(dialect, "_job_start_time", "datetime(3)", new CoreType("datetime", List.of("3")), false, true,
                    "null", "populate start time", null);
            plan.add(dialect, "_job_duration", "float64", new CoreType("float64", List.of()), false, true,
                    "null", "populate duration in seconds", null);
            plan.add(dialect, "_job_version", "varchar(64)", new CoreType("varchar", List.of("64")), false, true,
                    "null", "code version of the populate", null);
        }
        return plan;
    }

    private static CoreType core(DeclaredType type) {
        return type.isCore() ? new CoreType(type.core(), type.args()) : null;
    }

    private void add(Dialect dialect, String name, String type, CoreType core, boolean key, boolean nullable,
            String defaultValue, String comment, String lineage) {
        String sqlType = core != null ? dialect.sqlType(core, table.schemaName()) : dialect.nativeType(type);
        if (core != null) {
            preparation.addAll(dialect.typePreparation(core, table.schemaName()));
        }
        columns.put(name, new Column(name, type, core, sqlType, key, nullable, defaultValue, comment, lineage));
    }

    private void reference(InstanceImpl instance, Dialect dialect, TableDefinition.Reference fk, TableImpl master) {
        TableImpl parent = References.resolve(instance, table, fk, master);
        Heading heading = parent.heading();
        Map<String, String> renames = fk.renames();
        for (String old : renames.values()) {
            if (!heading.primaryKey().contains(old)) {
                throw new DefinitionException("line " + fk.line() + ": " + parent.className() + " has no primary-key"
                        + " attribute '" + old + "' to rename; its primary key is " + heading.primaryKey());
            }
        }
        Map<String, String> newByOld = new LinkedHashMap<>();
        renames.forEach((n, o) -> newByOld.put(o, n));
        Map<String, String> map = new LinkedHashMap<>();
        Map<String, String> parentLineage = Lineage.read(instance, parent);
        for (Attribute a : heading.attributes()) {
            if (!a.inPrimaryKey()) {
                continue;
            }
            String name = newByOld.getOrDefault(a.name(), a.name());
            map.put(name, a.name());
            Column existing = columns.get(name);
            if (existing != null) {
                if (existing.lineage() == null || !existing.type().equals(a.type())) {
                    throw new DefinitionException("line " + fk.line() + ": attribute '" + name + "' from "
                            + parent.className() + " collides with an attribute declared above");
                }
                continue;
            }
            String lineage = parentLineage.getOrDefault(a.name(),
                    parent.schemaName() + "." + parent.tableName() + "." + a.name());
            CoreType core = coreOf(a.type());
            add(dialect, name, a.type(), core, fk.inPrimaryKey(), fk.nullable(), fk.nullable() ? "null" : null,
                    a.comment(), lineage);
            if (core == null) {
                Column c = columns.get(name);
                columns.put(name, new Column(c.name(), c.type(), null, a.sqlType(), c.inPrimaryKey(), c.nullable(),
                        c.defaultValue(), c.comment(), c.lineage()));
            }
        }
        references.add(new Reference(parent, map, fk.unique()));
    }

    private static CoreType coreOf(String typeText) {
        try {
            return core(DeclaredType.parse(typeText));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    List<Column> columns() {
        return List.copyOf(columns.values());
    }

    Ddl.Script statements() {
        return Ddl.statements(table, comment, columns(), references, indexes, preparation);
    }

    /** How an existing table's heading differs from this plan, one sentence per difference. */
    List<String> differences(Heading existing) {
        List<String> out = new ArrayList<>();
        for (Column c : columns.values()) {
            Attribute a = existing.allAttributes().stream().filter(x -> x.name().equals(c.name())).findFirst().orElse(null);
            if (a == null) {
                out.add("attribute '" + c.name() + "' is not in the existing table");
            } else {
                if (!a.type().equalsIgnoreCase(c.type())) {
                    out.add("'" + c.name() + "' is " + a.type() + ", not " + c.type());
                }
                if (a.inPrimaryKey() != c.inPrimaryKey()) {
                    out.add("'" + c.name() + "' is " + (a.inPrimaryKey() ? "" : "not ") + "in the primary key");
                }
                if (a.nullable() != c.nullable()) {
                    out.add("'" + c.name() + "' is " + (a.nullable() ? "" : "not ") + "nullable");
                }
                if (!c.nullable() && !Objects.equals(Literals.canonicalDefault(a.defaultValue()),
                        Literals.canonicalDefault(c.defaultValue()))) {
                    out.add("'" + c.name() + "' defaults to " + a.defaultValue() + ", not " + c.defaultValue());
                }
            }
        }
        existing.allAttributes().stream().filter(a -> !columns.containsKey(a.name()))
                .forEach(a -> out.add("the existing table also has '" + a.name() + "'"));
        return out;
    }
}
