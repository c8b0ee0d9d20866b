package org.datajoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a projection keeps, drops, renames and computes. Immutable; every method returns a new
 * value. The primary key is always kept, though its attributes may be renamed.
 *
 * <pre>{@code
 * subject.proj(Proj.all().exclude("notes").rename("animal_id", "subject_id")
 *         .compute("age_days", "DATEDIFF(NOW(), date_of_birth)"));
 * }</pre>
 */
public final class Proj {

    private static final Proj KEY = new Proj(false, Set.of(), Set.of(), Map.of());

    private final boolean all;
    private final Set<String> kept;
    private final Set<String> excluded;
    private final Map<String, String> named;

    private Proj(boolean all, Set<String> kept, Set<String> excluded, Map<String, String> named) {
        this.all = all;
        this.kept = Collections.unmodifiableSet(kept);
        this.excluded = Collections.unmodifiableSet(excluded);
        this.named = Collections.unmodifiableMap(named);
    }

    /** The primary key only. */
    public static Proj key() {
        return KEY;
    }

    /** Every attribute. */
    public static Proj all() {
        return new Proj(true, Set.of(), Set.of(), Map.of());
    }

    /**
     * The primary key and these attributes, in DataJoint's spelling: {@code "..."} for every
     * secondary attribute and {@code "-name"} to drop one.
     *
     * @throws IllegalArgumentException for a null or blank name
     */
    public static Proj of(String... attributes) {
        return KEY.and(attributes);
    }

    /** Also these attributes, spelled as in {@link #of(String...)}. */
    public Proj and(String... attributes) {
        boolean a = all;
        Set<String> k = new LinkedHashSet<>(kept);
        Set<String> x = new LinkedHashSet<>(excluded);
        for (String name : attributes) {
            String n = check(name, "attribute");
            if (n.equals("...")) {
                a = true;
            } else if (n.startsWith("-")) {
                x.add(check(n.substring(1), "excluded attribute"));
            } else {
                k.add(n);
            }
        }
        return new Proj(a, k, x, named);
    }

    /** Without these attributes (primary-key attributes cannot be dropped). */
    public Proj exclude(String... attributes) {
        Set<String> x = new LinkedHashSet<>(excluded);
        for (String name : attributes) {
            x.add(check(name, "excluded attribute"));
        }
        return new Proj(all, kept, x, named);
    }

    /** Attribute {@code oldName} under the name {@code newName}, in its place. */
    public Proj rename(String newName, String oldName) {
        return compute(newName, check(oldName, "renamed attribute"));
    }

    /** Attribute {@code oldName} again under the name {@code newName}, keeping the original too. */
    public Proj duplicate(String newName, String oldName) {
        return compute(newName, "(" + check(oldName, "duplicated attribute") + ")");
    }

    /**
     * A new attribute computed by an SQL expression over this expression's attributes. As in
     * DataJoint, an expression that is a bare attribute name renames it and one that is an
     * attribute name in parentheses duplicates it.
     *
     * @throws IllegalArgumentException for a blank name, or a name given twice
     * @throws SqlTextException for a blank expression
     */
    public Proj compute(String name, String expression) {
        String n = check(name, "new attribute");
        if (named.containsKey(n)) {
            throw new IllegalArgumentException("attribute '" + n + "' is named twice in the projection");
        }
        Objects.requireNonNull(expression, "expression");
        if (expression.isBlank()) {
            throw new SqlTextException(expression, 0, "the expression of '" + n + "' is blank");
        }
        Map<String, String> m = new LinkedHashMap<>(named);
        m.put(n, expression.strip());
        return new Proj(all, kept, excluded, m);
    }

    /** {@link #compute} of every entry, in the map's order. */
    public Proj computeAll(Map<String, String> expressions) {
        Proj p = this;
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            p = p.compute(e.getKey(), e.getValue());
        }
        return p;
    }

    /** Whether every secondary attribute is kept. */
    public boolean keepsAll() {
        return all;
    }

    /** Attributes kept by name, in the order given. */
    public List<String> kept() {
        return new ArrayList<>(kept);
    }

    /** Attributes dropped. */
    public List<String> excluded() {
        return new ArrayList<>(excluded);
    }

    /** New attribute name to its SQL expression (renames and duplicates included), in order. */
    public Map<String, String> named() {
        return named;
    }

    private static String check(String s, String what) {
        Objects.requireNonNull(s, what);
        String t = s.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a projection's " + what + " must not be blank");
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proj p && p.all == all && p.kept.equals(kept) && p.excluded.equals(excluded)
                && p.named.equals(named);
    }

    @Override
    public int hashCode() {
        return Objects.hash(all, kept, excluded, named);
    }

    @Override
    public String toString() {
        return "Proj[" + (all ? "..., " : "") + kept + (excluded.isEmpty() ? "" : " -" + excluded) + " " + named + "]";
    }
}
