package org.datajoint;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The primary-key values of one entity: an immutable, insertion-ordered map of attribute name to
 * value. Usable wherever a map is: as a restriction, or extended into a row to insert.
 *
 * <pre>{@code
 * ctx -> ctx.insert1(ctx.key().with("n_trials", trial.restrict(ctx.key()).count()))
 * }</pre>
 */
public final class Key extends AbstractMap<String, Object> {

    private final Map<String, Object> values;

    private Key(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * A key of these values, in the map's order; null values are allowed.
     *
     * @throws NullPointerException for a null map or name
     */
    public static Key of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(java.util.Objects.requireNonNull(k, "attribute name"), v));
        return new Key(copy);
    }

    /** A new map of these values and one more; the key itself is unchanged. */
    public Map<String, Object> with(String attribute, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(attribute, value);
        return copy;
    }

    /** A new map of these values and more; the key itself is unchanged. */
    public Map<String, Object> with(Map<String, ?> more) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(more);
        return copy;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }
}
