package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datajoint.Heading;
import org.datajoint.engine.internal.portable.PortableSql;

/** The heading of a query expression, with lineage and per-attribute SQL expressions. Immutable. */
final class QHeading {

    private final Map<String, QAttr> attributes;
    private final boolean lineageAvailable;
    private final List<String> names;
    private final List<String> primaryKey;
    private final List<String> secondary;
    private final List<String> newAttributes;
    private volatile Heading publicHeading;
    /** The last join of this heading, reused while the same operands are joined again. */
    private volatile JoinMemo lastJoin;
    /** The last heading found compatible with this one by semantic matching. */
    private volatile QHeading lastCompatible;
    private volatile String shape;
    /** The last restriction text rewritten for this heading, reused while the same text restricts it again. */
    private volatile TextMemo lastText;

    /** Codecs of the attributes, made when a value is first bound to them. */
    private final Map<String, ValueCodec> codecs = new java.util.concurrent.ConcurrentHashMap<>();

    private record JoinMemo(QHeading other, boolean nullablePk, QHeading result) {
    }

    private record TextMemo(String text, Object connection, PortableSql.Result result) {
    }

    QHeading(List<QAttr> attributes, boolean lineageAvailable) {
        Map<String, QAttr> map = new LinkedHashMap<>(attributes.size() * 2);
        for (QAttr a : attributes) {
            if (a.inKey()) {
                map.put(a.name(), a);
            }
        }
        for (QAttr a : attributes) {
            if (!a.inKey()) {
                map.putIfAbsent(a.name(), a);
            }
        }
        this.attributes = java.util.Collections.unmodifiableMap(map);
        this.lineageAvailable = lineageAvailable;
        List<String> all = new ArrayList<>(map.size());
        List<String> key = new ArrayList<>(map.size());
        List<String> rest = new ArrayList<>(map.size());
        List<String> fresh = new ArrayList<>(2);
        for (QAttr a : map.values()) {
            all.add(a.name());
            (a.inKey() ? key : rest).add(a.name());
            if (a.expression() != null) {
                fresh.add(a.name());
            }
        }
        this.names = java.util.Collections.unmodifiableList(all);
        this.primaryKey = java.util.Collections.unmodifiableList(key);
        this.secondary = java.util.Collections.unmodifiableList(rest);
        this.newAttributes = java.util.Collections.unmodifiableList(fresh);
    }

    List<QAttr> attributes() {
        return new ArrayList<>(attributes.values());
    }

    /** What of this heading determines a statement's text: names, key flags, types and expressions. */
    String shape() {
        String s = shape;
        if (s == null) {
            StringBuilder b = new StringBuilder("[");
            for (QAttr a : attributes.values()) {
                b.append(a.name()).append(a.inKey() ? "*:" : ":").append(a.meta().type());
                if (a.expression() != null) {
                    b.append('=').append(a.expression().length()).append(':').append(a.expression());
                }
                b.append(',');
            }
            s = b.append(']').toString();
            shape = s;
        }
        return s;
    }

    /** The attribute names, primary key first; immutable. */
    List<String> names() {
        return names;
    }

    List<String> primaryKey() {
        return primaryKey;
    }

    List<String> secondary() {
        return secondary;
    }

    /** The codec that converts values of {@code a}, an attribute of this heading, for binding. */
    ValueCodec codec(QAttr a, boolean uuidAsBinary) {
        ValueCodec c = codecs.get(a.name());
        if (c == null || c.uuidAsBinary() != uuidAsBinary) {
            c = new ValueCodec(a.meta(), uuidAsBinary);
            codecs.put(a.name(), c);
        }
        return c;
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
        return newAttributes;
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
        JoinMemo memo = lastJoin;
        if (memo != null && memo.other() == other && memo.nullablePk() == nullablePk) {
            return memo.result();
        }
        QHeading result = computeJoin(other, nullablePk);
        lastJoin = new JoinMemo(other, nullablePk, result);
        return result;
    }

    /**
     * A restriction text rewritten for {@code connection}'s backend against this heading: the
     * last one again while the same text restricts the same heading, else {@code rewrite}'s.
     */
    PortableSql.Result portable(String text, Object connection, java.util.function.Supplier<PortableSql.Result> rewrite) {
        TextMemo memo = lastText;
        if (memo != null && memo.connection() == connection && memo.text().equals(text)) {
            return memo.result();
        }
        PortableSql.Result result = rewrite.get();
        lastText = new TextMemo(text, connection, result);
        return result;
    }

    /** Whether {@code other} was found compatible with this heading before; see {@link #markCompatible}. */
    boolean knownCompatible(QHeading other) {
        return lastCompatible == other;
    }

    /** Remembers that semantic matching accepted {@code other} beside this heading. */
    void markCompatible(QHeading other) {
        lastCompatible = other;
    }

    private QHeading computeJoin(QHeading other, boolean nullablePk) {
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
