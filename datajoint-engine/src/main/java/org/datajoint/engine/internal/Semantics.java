package org.datajoint.engine.internal;

import java.util.Objects;
import org.datajoint.DataJointException;
import org.datajoint.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Semantic matching: namesakes of two operands must share their lineage. */
final class Semantics {

    private static final Logger LOG = LoggerFactory.getLogger(Semantics.class);

    private Semantics() {
    }

    /** The lineage of an attribute from its table's schema, read once per schema and cached. */
    static String lineage(InstanceImpl instance, QAttr attribute) {
        QAttr.Origin o = attribute.origin();
        if (o == null) {
            return null;
        }
        return instance.catalog().lineage(o.schema()).getOrDefault(o.table(), java.util.Map.of()).get(o.attribute());
    }

    /**
     * Checks that two operands can be matched on their namesakes.
     *
     * @throws DataJointException when they come from different instances, or when (semantic
     *     matching) a namesake has a different or missing lineage on one side
     */
    static void checkCompatible(QueryImpl a, QueryImpl b, Match match) {
        if (a.instance() != b.instance()) {
            throw new DataJointException("Cannot combine expressions of different instances; build both from the"
                    + " same Instance (or both from the global one)");
        }
        if (match == Match.NATURAL) {
            return;
        }
        QHeading x = a.qheading();
        QHeading y = b.qheading();
        if (x.knownCompatible(y)) {
            return;
        }
        if (!x.lineageAvailable() || !y.lineageAvailable()) {
            LOG.warn("Semantic check disabled: a ~lineage table is missing, so namesakes are matched by name."
                    + " Declare the tables with DataJoint 2 (or rebuild their lineage) to enable semantic matching");
            return;
        }
        for (String name : x.names()) {
            if (!y.contains(name)) {
                continue;
            }
            String l1 = lineage(a.instance(), x.get(name));
            String l2 = lineage(b.instance(), y.get(name));
            if (l1 == null || l2 == null) {
                throw new DataJointException("Cannot match on attribute '" + name + "': lineage missing on "
                        + (l1 == null && l2 == null ? "both sides" : "one side") + " (" + l1 + " vs " + l2 + "); only"
                        + " attributes inherited through foreign keys or defined in a primary key have lineage."
                        + " Rename one side with proj(), or pass Match.NATURAL to match by name");
            }
            if (!Objects.equals(l1, l2)) {
                throw new DataJointException("Cannot match on attribute '" + name + "': different lineages (" + l1
                        + " vs " + l2 + "). Rename one side with proj(), or pass Match.NATURAL to match by name");
            }
        }
        x.markCompatible(y);
    }
}
