package org.datajoint.engine.internal;

import java.util.Map;
import org.datajoint.DefinitionException;
import org.datajoint.engine.internal.definition.TableDefinition;
import org.datajoint.engine.spi.CatalogTable;

/**
 * Resolves the table a {@code ->} line names: {@code master}, {@code ClassName},
 * {@code Master.Part}, {@code schema.ClassName} or {@code schema.Master.Part}; SQL names work too.
 */
final class References {

    private References() {
    }

    static TableImpl resolve(InstanceImpl instance, TableImpl child, TableDefinition.Reference fk, TableImpl master) {
        String ref = fk.reference().strip();
        if (ref.equals("master")) {
            if (master == null) {
                throw new DefinitionException("line " + fk.line() + " \"-> master\": only part tables can reference"
                        + " their master this way; name the table instead");
            }
            return master;
        }
        String[] parts = ref.split("\\.");
        String schema = child.schemaName();
        String name = ref;
        if (parts.length == 3 || (parts.length == 2 && !Character.isUpperCase(parts[0].charAt(0)))) {
            schema = parts[0];
            name = ref.substring(schema.length() + 1);
        }
        String wanted = name;
        instance.catalog().load(java.util.List.of(schema));
        Map<String, CatalogTable> tables = instance.catalog().tables(schema);
        String sqlName = tables.containsKey(wanted) ? wanted : tables.keySet().stream()
                .filter(n -> !n.startsWith("~") && TableNaming.className(n).equals(wanted)).findFirst().orElse(null);
        if (sqlName == null) {
            throw new DefinitionException("line " + fk.line() + " \"-> " + ref + "\": there is no table " + wanted
                    + " in schema " + schema + "; declare it first, or check the name (tables there: "
                    + tables.keySet().stream().filter(n -> !n.startsWith("~")).map(TableNaming::className).toList() + ")");
        }
        return new TableImpl(instance, schema, sqlName);
    }
}
