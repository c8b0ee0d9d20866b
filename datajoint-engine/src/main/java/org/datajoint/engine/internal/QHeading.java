package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datajoint.Heading;

/** The heading of a query expression, with lineage and per-attribute SQL expressions. Immutable. */
final class QHeading {

    private final Map<String, QAttr> attributes;
    private final boolean lineageAvailable;
    private volatile Heading publicHeading;

    QHeading(List<QAttr> attributes, boolean lineageAvailable) {
        Map<String, QAttr> map = new LinkedHashMap<>();
        attributes.stream().filter(QAttr::inKey).forEach(a -> map.put(a.name(), a));
        attributes.stream().filter(a -> !a.inKey()).forEach(a -> map.putIfAbsent(a.name(), a));
        this.attributes = java.util.Collections.unmodifiableMap(map);
        this.lineageAvailable = lineageAvailable;
    }

    List<QAttr> attributes() {
        return new ArrayList<>(attributes.values());
    }

    List<String> names() {
        return new ArrayList<>(attributes.keySet());
    }

    List<String> primaryKey() {
        return attributes.values().stream().filter(QAttr::inKey).map(QAttr::name).toList();
    }

    List<String> secondary() {
        return attributes.values().stream().filter(a -> !a.inKey()).map(QAttr::name).toList();
    }

    boolean contains(String name) {
        return attributes.containsKey(name);
    }

    QAttr get(String name) {
        return attributes.get(name);
    }

    boolean lineageAvailable() {
        return lineageAvailable;
    }

    /** Attributes computed or renamed in the current SELECT. */
    List<String> newAttributes() {
        return attributes.values().stream().filter(a -> a.expression() != null).map(QAttr::name).toList();
    }

    /** Whether this heading determines {@code other}: every primary-key attribute of other is here. */
    boolean determines(QHeading other) {
        return attributes.keySet().containsAll(other.primaryKey());
    }

    /**
     * The heading of a join, by the functional dependencies of the operands: PK(A) when A
     * determines B, else PK(B) when B determines A, else the union of both keys.
     */
    QHeading join(QHeading other, boolean nullablePk) {
        boolean ab = !nullablePk && determines(other);
        boolean ba = !nullablePk && other.determines(this);
        List<QAttr> out = new ArrayList<>();
        if (ab || ba) {
            QHeading first = ab ? this : other;
            QHeading second = ab ? other : this;
            out.addAll(first.attributes.values());
            second.attributes.values().stream().filter(a -> !first.contains(a.name())).map(a -> a.withKey(false))
                    .forEach(out::add);
        } else {
            Set<String> leftKey = Set.copyOf(primaryKey());
            Set<String> rightKey = Set.copyOf(other.primaryKey());
            primaryKey().forEach(n -> out.add(get(n)));
            other.primaryKey().stream().filter(n -> !leftKey.contains(n)).forEach(n -> out.add(other.get(n)));
            secondary().stream().filter(n -> !rightKey.contains(n)).forEach(n -> out.add(get(n)));
            other.secondary().stream().filter(n -> !leftKey.contains(n) && !contains(n)).forEach(n -> out.add(other.get(n)));
        }
        return new QHeading(out, lineageAvailable && other.lineageAvailable);
    }

    /** This heading with {@code key} as its primary key, in that order, then the other attributes. */
    QHeading withPrimaryKey(List<String> key) {
        List<QAttr> out = new ArrayList<>();
        key.forEach(n -> out.add(get(n).withKey(true)));
        attributes.values().stream().filter(a -> !key.contains(a.name())).forEach(a -> out.add(a.withKey(false)));
        return new QHeading(out, lineageAvailable);
    }

    /** The heading seen by a SELECT over this one as a derived table: every attribute a column. */
    QHeading asSubquery() {
        return new QHeading(attributes.values().stream().map(QAttr::asColumn).toList(), lineageAvailable);
    }

    /**
     * Projection: the attributes of {@code keep} in heading order, each renamed copy of
     * {@code renames} (new name to old name, with its SQL expression) placed after its original,
     * then {@code computed} at the end.
     */
    QHeading select(Set<String> keep, Map<String, String[]> renames, Map<String, String> computed) {
        List<QAttr> out = new ArrayList<>();
        for (QAttr a : attributes.values()) {
            if (keep.contains(a.name())) {
                out.add(a);
            }
            renames.forEach((newName, old) -> {
                if (old[0].equals(a.name())) {
                    out.add(a.withName(newName, old[1]));
                }
            });
        }
        computed.forEach((n, e) -> out.add(QAttr.computed(n, e)));
        return new QHeading(out, lineageAvailable);
    }

    /** The public heading of the result. */
    Heading publicHeading() {
        Heading h = publicHeading;
        if (h == null) {
            h = new Heading(attributes.values().stream().map(QAttr::publicAttribute).toList(), "", List.of());
            publicHeading = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "QHeading" + names() + " key " + primaryKey();
    }
}
