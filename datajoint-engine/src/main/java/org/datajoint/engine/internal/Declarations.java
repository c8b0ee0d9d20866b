package org.datajoint.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datajoint.InsertOptions;
import org.datajoint.Table;
import org.datajoint.Tier;
import org.datajoint.engine.internal.definition.DefinitionParser;
import org.datajoint.engine.internal.definition.TableDefinition;
import org.datajoint.engine.internal.definition.TableNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares tables from definition strings: parses, resolves references through the catalog,
 * plans the DDL and runs it with the lineage rows in one transaction, or binds to an existing
 * table and reports how its definition differs.
 */
final class Declarations {

    private static final Logger LOG = LoggerFactory.getLogger(Declarations.class);

    private final InstanceImpl instance;

    Declarations(InstanceImpl instance) {
        this.instance = instance;
    }

    /** How an existing table differs from a definition, resolved as a declaration would resolve it. */
    List<String> differences(TableImpl table, String definition) {
        TableImpl master = table.master().map(m -> (TableImpl) m).orElse(null);
        DeclarationPlan plan = DeclarationPlan.of(instance, table, table.tier(), DefinitionParser.parse(definition), master);
        return plan.differences(table.heading());
    }

    Table declare(String schema, Tier tier, String className, String definition, TableImpl master,
            List<? extends Map<String, ?>> contents) {
        String sqlName = TableNames.sqlName(tier, className, master == null ? null : master.tableName());
        return declareNamed(schema, sqlName, tier, definition, master, contents);
    }

    /** Declares a table under an explicit SQL name (platform tables such as jobs queues). */
    TableImpl declareNamed(String schema, String sqlName, Tier tier, String definition, TableImpl master,
            List<? extends Map<String, ?>> contents) {
        TableDefinition parsed = DefinitionParser.parse(definition);
        TableImpl table = new TableImpl(instance, schema, sqlName);
        DeclarationPlan plan = DeclarationPlan.of(instance, table, tier, parsed, master);
        Optional<org.datajoint.engine.spi.CatalogTable> existing = instance.catalog().table(schema, sqlName);
        if (existing.isPresent()) {
            List<String> differences = plan.differences(instance.catalog().heading(existing.get()));
            if (!differences.isEmpty()) {
                LOG.warn("Table {} exists with a different definition; keeping the existing table. Differences: {}",
                        table.fullTableName(), differences);
            }
        } else {
            ConnectionImpl connection = instance.connectionImpl();
            try {
                connection.transaction(tx -> {
                    for (String sql : plan.statements()) {
                        connection.execute(sql);
                    }
                    Lineage.write(instance, table, plan);
                    return null;
                });
            } finally {
                instance.catalog().invalidate(schema);
            }
            LOG.info("Declared {} {}", tier, table.fullTableName());
        }
        if (!contents.isEmpty()) {
            table.insert(contents, InsertOptions.skipDuplicates());
        }
        return table;
    }
}
