package org.datajoint.engine.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.datajoint.DataJointException;
import org.datajoint.Heading;
import org.datajoint.Match;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.UnknownAttributeException;
import org.datajoint.engine.internal.portable.PortableSql;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * A query expression as DataJoint builds it: a FROM clause of sources joined USING their shared
 * attributes, a restriction, a heading whose attributes may be SQL expressions, and an optional
 * ordering and limit. Operators copy it and add to it where SQL allows, and otherwise wrap it as
 * a derived table, following the subquery rules of DataJoint's query-algebra specification.
 * Effectively immutable: fields are set only on fresh copies, before they are published.
 */
class QueryImpl implements QueryExpression {

    /** A base table in a FROM clause. */
    record TableRef(String schema, String table) {
    }

    private final InstanceImpl instance;
    private QHeading heading;
    QHeading originalHeading;
    List<Object> support;
    List<JoinSpec> joins = List.of();
    List<Conditions.Rendered> restriction = List.of();
    Set<String> restrictionAttributes = Set.of();
    TopSpec top;
    boolean distinct;
    /** The last restrictions by text and by map, with their results; see {@link RestrictionMemo}. */
    private final RestrictionMemo restrictions = new RestrictionMemo();

    /** The last join or extend of this expression, with the result: expressions are immutable. */
    private volatile LastJoin lastJoin;

    private record LastJoin(QueryImpl other, Match match, boolean left, QueryImpl result) {
    }

    /** The statement selecting all of this expression's attributes, once made. */
    private volatile Statement allFields;

    /** What {@link #shape()} returns, once known; {@link #NO_SHAPE} for an expression without one. */
    private volatile String shape;
    private static final String NO_SHAPE = new String("(no shape)");
    /**
     * For a restricted copy: its source's shape (the same string object for every copy, so its hash
     * is computed once) and what the added restriction appends to it; {@code null} otherwise.
     */
    private String shapeBase;
    private String shapeTail;

    QueryImpl(InstanceImpl instance) {
        this.instance = instance;
    }

    /** A copy of {@code from}, to be changed before it is published. */
    QueryImpl(QueryImpl from) {
        this.instance = from.instance;
        this.heading = from.qheading();
        this.originalHeading = from.originalHeading;
        this.support = from.support();
        this.joins = from.joins;
        this.restriction = from.restriction;
        this.restrictionAttributes = from.restrictionAttributes;
        this.top = from.top;
        this.distinct = from.distinct;
    }

    static QueryImpl of(QueryExpression expression) {
        if (expression instanceof QueryImpl q) {
            return q;
        }
        throw new DataJointException("Cannot combine with a " + expression.getClass().getName()
                + "; query expressions must come from this DataJoint engine");
    }

    InstanceImpl instance() {
        return instance;
    }

    ConnectionImpl connection() {
        return instance.connectionImpl();
    }

    QHeading qheading() {
        return heading;
    }

    void setHeading(QHeading heading) {
        this.heading = heading;
    }

    QHeading originalHeading() {
        return originalHeading == null ? qheading() : originalHeading;
    }

    List<Object> support() {
        return support;
    }

    /** A copy of the same kind, for operators that modify the SELECT in place. */
    QueryImpl copy() {
        return new QueryImpl(this);
    }

    /** A copy that a restriction may modify; tables stay tables. */
    QueryImpl copyForRestriction() {
        return copy();
    }

    /** A new SELECT over this one as a derived table. */
    QueryImpl subquery() {
        QueryImpl q = new QueryImpl(instance);
        q.heading = qheading().asSubquery();
        q.support = List.of(this);
        return q;
    }

    /** Whether a later operator must wrap this expression before changing it. */
    boolean materializes() {
        return top != null || distinct;
    }

    @Override
    public Heading heading() {
        return qheading().publicHeading();
    }

    // ---- SQL text and values ---------------------------------------------------------------

    /** User SQL text rewritten for this backend; records the attributes it names. */
    String portable(String text, Set<String> columns) {
        QHeading h = qheading();
        PortableSql.Result result = h.portable(text, connection(),
                () -> PortableSql.rewrite(text, new TextTarget(h::contains, connection())));
        columns.addAll(result.columns());
        return result.sql();
    }

    /** A bound value for a restriction on {@code attribute}, converted by its DataJoint type. */
    Param<Object> bound(String attribute, Object value) {
        return DSL.val(bindable(attribute, value));
    }

    /** A value for an attribute of this expression, converted as the attribute's type is bound. */
    Object bindable(String attribute, Object value) {
        QAttr a = qheading().get(attribute);
        if (a.isComputed()) {
            return value;
        }
        return Rows.bindable(connection(), qheading().codec(a, connection().dialect().uuidAsBinary()), value);
    }

    // ---- restriction -----------------------------------------------------------------------

    @Override
    public QueryExpression restrict(Object condition) {
        return restrict(condition, Match.SEMANTIC);
    }

    @Override
    public QueryExpression restrict(Object condition, Match match) {
        return restricted(condition, match);
    }

    QueryImpl restricted(Object condition, Match match) {
        if (!RestrictionMemo.reusable(condition)) {
            return restrictedNow(condition, match);
        }
        QueryImpl kept = restrictions.get(condition);
        if (kept != null) {
            return kept;
        }
        QueryImpl result = restrictedNow(condition, match);
        restrictions.put(condition, result);
        return result;
    }

    private QueryImpl restrictedNow(Object condition, Match match) {
        Set<String> columns = new LinkedHashSet<>();
        Object made = Conditions.make(this, condition, columns, match);
        if (made == Boolean.TRUE) {
            return this;
        }
        for (String c : columns) {
            if (!qheading().contains(c)) {
                throw new UnknownAttributeException("Attribute '" + c + "' is not found in the query; its attributes are "
                        + qheading().names());
            }
        }
        boolean needSubquery = materializes() || (!(this instanceof Aggregation) && !qheading().newAttributes().isEmpty());
        QueryImpl result = needSubquery ? subquery() : copyForRestriction();
        List<Conditions.Rendered> r = new ArrayList<>(result.restriction);
        r.add(made == Boolean.FALSE ? Conditions.Fixed.FALSE : (Conditions.Rendered) made);
        result.restriction = List.copyOf(r);
        if (!needSubquery) {
            result.seedShape(shape(), result.restriction.get(result.restriction.size() - 1));
        }
        result.restrictionAttributes = union(result.restrictionAttributes, columns);
        return result;
    }

    /**
     * {@code set} with {@code more} added, as an unmodifiable set; {@code set} itself when it has
     * them all, a view of {@code more} when {@code set} is empty ({@code more} must not change after).
     */
    private static Set<String> union(Set<String> set, Set<String> more) {
        if (set.containsAll(more)) {
            return set;
        }
        if (set.isEmpty()) {
            return java.util.Collections.unmodifiableSet(more);
        }
        Set<String> all = new HashSet<>(set);
        all.addAll(more);
        return Set.copyOf(all);
    }

    // ---- join ------------------------------------------------------------------------------

    @Override
    public QueryExpression join(QueryExpression other) {
        return join(other, Match.SEMANTIC);
    }

    @Override
    public QueryExpression join(QueryExpression other, Match match) {
        return joinedAgain(of(other), match, false);
    }

    @Override
    public QueryExpression extend(QueryExpression other) {
        return extend(other, Match.SEMANTIC);
    }

    @Override
    public QueryExpression extend(QueryExpression other, Match match) {
        return joinedAgain(of(other), match, true);
    }

    private QueryImpl joinedAgain(QueryImpl other, Match match, boolean left) {
        LastJoin last = lastJoin;
        if (last != null && last.other() == other && last.match() == match && last.left() == left) {
            return last.result();
        }
        QueryImpl result = joined(other, match, left, false);
        lastJoin = new LastJoin(other, match, left, result);
        return result;
    }

    QueryImpl joined(QueryImpl other, Match match, boolean left, boolean allowNullablePk) {
        Semantics.checkCompatible(this, other, match);
        boolean nullablePk = false;
        if (left && !qheading().determines(other.qheading())) {
            if (!allowNullablePk) {
                List<String> undetermined = other.qheading().primaryKey().stream()
                        .filter(n -> !qheading().contains(n)).toList();
                throw new DataJointException("A left join (extend) needs the left operand to determine the right one;"
                        + " these primary-key attributes of the right operand are not in the left one: " + undetermined
                        + ". Use an inner join, or restructure the query");
            }
            nullablePk = true;
        }
        QueryImpl a = this;
        QueryImpl b = other;
        Set<String> joinAttributes = new LinkedHashSet<>();
        for (String n : a.qheading().names()) {
            if (b.qheading().contains(n)) {
                joinAttributes.add(n);
            }
        }
        boolean need = false;
        for (String n : a.originalHeading().names()) {
            need |= b.originalHeading().contains(n) && !joinAttributes.contains(n);
        }
        if (need || a.needsWrapForJoin(joinAttributes, false)) {
            a = a.subquery();
        }
        if (need || b.needsWrapForJoin(joinAttributes, true) || (left && !b.restriction.isEmpty())) {
            b = b.subquery();
        }
        QueryImpl result = new QueryImpl(instance);
        result.support = concat(a.support(), b.support());
        List<JoinSpec> j = new ArrayList<>(a.joins.size() + b.joins.size() + 1);
        j.addAll(a.joins);
        j.add(new JoinSpec(left, List.copyOf(joinAttributes)));
        j.addAll(b.joins);
        result.joins = List.copyOf(j);
        result.heading = a.qheading().join(b.qheading(), nullablePk);
        result.originalHeading = a.originalHeading == null && b.originalHeading == null ? null
                : a.originalHeading().join(b.originalHeading(), nullablePk);
        result.restriction = concat(a.restriction, b.restriction);
        if (b.restrictionAttributes.isEmpty() || a.restrictionAttributes.containsAll(b.restrictionAttributes)) {
            result.restrictionAttributes = a.restrictionAttributes;
        } else {
            Set<String> attrs = new HashSet<>(a.restrictionAttributes);
            attrs.addAll(b.restrictionAttributes);
            result.restrictionAttributes = Set.copyOf(attrs);
        }
        return result;
    }

    /** Both lists, one after the other, without copying when one is empty. */
    private static <T> List<T> concat(List<T> first, List<T> second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        List<T> both = new ArrayList<>(first.size() + second.size());
        both.addAll(first);
        both.addAll(second);
        return List.copyOf(both);
    }

    /** A join continues the left operand's join chain; a right operand that is a join is nested. */
    private boolean needsWrapForJoin(Set<String> joinAttributes, boolean right) {
        return this instanceof Aggregation || this instanceof UnionQuery || materializes()
                || joinAttributes.stream().anyMatch(qheading().newAttributes()::contains)
                || (right && support().size() > 1 && !joinAttributes.isEmpty());
    }

    // ---- projection ------------------------------------------------------------------------

    @Override
    public QueryExpression proj(Proj projection) {
        return Projection.apply(this, projection);
    }

    // ---- aggregation and union -------------------------------------------------------------

    @Override
    public QueryExpression aggr(QueryExpression group, Proj projection, boolean excludeNonmatching) {
        for (String kept : projection.kept()) {
            if (!qheading().contains(kept)) {
                throw new UnknownAttributeException("aggr keeps attributes of the grouping expression only; '" + kept
                        + "' is not in its heading " + qheading().names() + "; compute an aggregate of it instead, such"
                        + " as max(" + kept + ")");
            }
        }
        Proj p = projection;
        if (p.keepsAll()) {
            p = Proj.of(qheading().secondary().toArray(String[]::new)).and(p.kept().toArray(String[]::new))
                    .exclude(p.excluded().toArray(String[]::new)).computeAll(p.named());
        }
        return Aggregation.create(this, of(group), !excludeNonmatching).proj(p);
    }

    @Override
    public QueryExpression union(QueryExpression other) {
        return UnionQuery.create(this, of(other));
    }

    // ---- top -------------------------------------------------------------------------------

    @Override
    public QueryExpression orderBy(String... order) {
        if (order.length == 0) {
            throw new IllegalArgumentException("orderBy needs at least one attribute or KEY");
        }
        return topped(new TopSpec(List.of(order), null, 0));
    }

    @Override
    public QueryExpression limit(long n) {
        return topped(new TopSpec(null, n, 0));
    }

    @Override
    public QueryExpression offset(long n) {
        return topped(new TopSpec(null, null, n));
    }

    QueryImpl topped(TopSpec next) {
        if (next.order() != null) {
            next.order().forEach(o -> TopOrder.check(this, o));
        }
        QueryImpl result;
        if (top == null) {
            result = distinct ? subquery() : copy();
            result.top = next;
            if (!distinct) {
                result.seedTopShape(this, next);
            }
        } else if (top.merges(next)) {
            result = copy();
            result.top = top.merge(next);
        } else {
            result = subquery();
            result.top = next;
        }
        return result;
    }

    // ---- rendering -------------------------------------------------------------------------

    /**
     * The SELECT of {@code fields} (every attribute when {@code null}). In the outermost SELECT
     * of a fetch ({@code outer}) columns are read as their dialect reads them without loss.
     */
    org.jooq.Select<?> select(Render r, List<String> fields, boolean outer) {
        if (top != null && fields != null && !fields.equals(qheading().names())) {
            return Rendering.order(this, selectFrom(r, select(r, null, false), fields, outer));
        }
        List<Field<?>> f = Rendering.fields(this, fields, outer);
        var dsl = r.dsl();
        var from = (distinct ? dsl.selectDistinct(f) : dsl.select(f)).from(Rendering.from(this, r));
        var where = from.where(conditions(r, restriction));
        return Rendering.top(this, where);
    }

    /** A SELECT of {@code fields} over {@code inner} as a derived table. */
    org.jooq.SelectJoinStep<?> selectFrom(Render r, org.jooq.Select<?> inner, List<String> fields, boolean outer) {
        QueryImpl wrapper = subquery();
        return r.dsl().select(Rendering.fields(wrapper, fields, outer)).from(inner.asTable(r.nextAlias()));
    }

    static List<Condition> conditions(Render r, List<Conditions.Rendered> restriction) {
        return restriction.stream().map(c -> c.apply(r)).toList();
    }

    private static final String ALL_FIELDS = " fields null";

    /**
     * The rendered statement, its bound values and the codecs of its columns. Statements of the same
     * shape (the same text but for bound values) are rendered once per connection and reused.
     */
    Statement statement(List<String> fields) {
        if (fields != null) {
            return planned(" fields " + fields, () -> render(fields));
        }
        Statement all = allFields;
        if (all == null) {
            all = planned(ALL_FIELDS, () -> render(null));
            allFields = all;
        }
        return all;
    }

    /**
     * A statement about this expression made by {@code render} ({@code purpose} names what it is
     * for), rendered once per shape and reused with this expression's bound values.
     */
    Statement planned(String purpose, java.util.function.Supplier<Statement> render) {
        StatementPlans.Key key = planKey(purpose);
        if (key != null) {
            StatementPlans.Plan plan = connection().plan(key);
            if (plan != null) {
                List<Object> values = new ArrayList<>();
                appendValues(values);
                return new Statement(plan.sql(), plan.values(values), plan.codecs());
            }
            List<Param<?>> params = new ArrayList<>();
            appendParams(params);
            Statement rendered = render.get();
            StatementPlans.Plan made = StatementPlans.plan(rendered, params);
            if (made != null) {
                connection().plan(key, () -> made);
            }
            return rendered;
        }
        return render.get();
    }

    private Statement render(List<String> fields) {
        Render r = new Render(connection().serverRenderer());
        org.jooq.Select<?> s = select(r, fields, true);
        List<String> names = fields == null ? qheading().names() : fields;
        boolean uuidAsBinary = connection().dialect().uuidAsBinary();
        List<ValueCodec> codecs = names.stream().map(n -> new ValueCodec(qheading().get(n).meta(), uuidAsBinary)
                .named(n)).toList();
        return new Statement(s.getSQL(org.jooq.conf.ParamType.INDEXED), s.getBindValues(), codecs, s);
    }

    /**
     * Sets the shape of this copy of an expression of shape {@code base} with one restriction
     * added: the base's, then the restriction's ({@link #appendShape} appends restrictions last
     * when there is no top).
     */
    private void seedShape(String base, Conditions.Rendered added) {
        String more = added.shape();
        if (base != null && more != null && top == null) {
            shapeBase = base;
            shapeTail = more + ';';
        }
    }

    /**
     * Sets the shape of this copy of {@code source} (which has no top) with {@code added} as its
     * top: the source's, then the top's ({@link #appendShape} appends the top last).
     */
    private void seedTopShape(QueryImpl source, TopSpec added) {
        if (source.shapeBase != null) {
            shapeBase = source.shapeBase;
            shapeTail = source.shapeTail + topShape(added);
        } else {
            String base = source.shape();
            if (base != null) {
                shapeBase = base;
                shapeTail = topShape(added);
            }
        }
    }

    private static String topShape(TopSpec top) {
        return top == TopSpec.ANY_TWO ? ANY_TWO_SHAPE : describeTop(top);
    }

    private static String describeTop(TopSpec top) {
        return " top " + top.order() + ' ' + top.limit() + ' ' + top.offset();
    }

    /** The top of every {@code fetch1}, described once. */
    private static final String ANY_TWO_SHAPE = describeTop(TopSpec.ANY_TWO);

    /** The key of this expression's statements for {@code purpose}, or {@code null} when it has no shape. */
    private StatementPlans.Key planKey(String purpose) {
        if (shapeBase != null) {
            return new StatementPlans.Key(shapeBase, shapeTail, purpose);
        }
        String s = shape();
        return s == null ? null : new StatementPlans.Key(s, "", purpose);
    }

    /**
     * What determines this expression's SQL text besides bound values, or {@code null} when some
     * part has no known shape; computed once.
     */
    String shape() {
        String s = shape;
        if (s == null) {
            if (shapeBase != null) {
                s = shapeBase + shapeTail;
            } else {
                StringBuilder b = new StringBuilder(256);
                s = appendShape(b) ? b.toString() : NO_SHAPE;
            }
            shape = s;
        }
        return s == NO_SHAPE ? null : s;
    }

    /**
     * Appends what determines this expression's SQL text besides bound values: kind, heading with
     * types, sources, joins, restriction shapes, top and distinct. Returns false when some part has
     * no known shape (aggregations, unions, semijoins), so that the statement is not cached.
     */
    private boolean appendShape(StringBuilder b) {
        if (getClass() != QueryImpl.class && getClass() != TableImpl.class) {
            return false;
        }
        b.append(distinct ? 'D' : 'S').append(qheading().shape()).append(" from ");
        for (int i = 0; i < support.size(); i++) {
            if (i > 0) {
                JoinSpec j = joins.get(i - 1);
                b.append(j.left() ? " left " : " join ").append(j.using());
            }
            Object source = support.get(i);
            if (source instanceof TableRef ref) {
                b.append(ref.schema()).append('.').append(ref.table());
            } else {
                String inner = ((QueryImpl) source).shape();
                if (inner == null) {
                    return false;
                }
                b.append('(').append(inner).append(')');
            }
        }
        b.append(" where ");
        for (Conditions.Rendered c : restriction) {
            String shape = c.shape();
            if (shape == null) {
                return false;
            }
            b.append(shape).append(';');
        }
        if (top != null) {
            b.append(topShape(top));
        }
        return true;
    }

    /** The bound values of the restrictions, sources first, in the order {@link #appendShape} visits them. */
    void appendParams(List<Param<?>> out) {
        for (Object source : support) {
            if (source instanceof QueryImpl q) {
                q.appendParams(out);
            }
        }
        for (Conditions.Rendered c : restriction) {
            out.addAll(c.params());
        }
    }

    /** The values of {@link #appendParams}, in the same order, without building parameters. */
    void appendValues(List<Object> out) {
        for (Object source : support) {
            if (source instanceof QueryImpl q) {
                q.appendValues(out);
            }
        }
        for (Conditions.Rendered c : restriction) {
            out.addAll(c.values());
        }
    }

    /** A rendered statement with its values and the codecs of its result columns. */
    record Statement(String sql, List<Object> values, List<ValueCodec> codecs, org.jooq.Query select) {

        Statement(String sql, List<Object> values, List<ValueCodec> codecs) {
            this(sql, values, codecs, null);
        }
    }

    // ---- fetch -----------------------------------------------------------------------------

    @Override
    public List<Map<String, Object>> toDicts() {
        return Rows.fetch(connection(), statement(null));
    }

    @Override
    public Map<String, Object> fetch1() {
        return fetch1(new String[0]);
    }

    @Override
    public Map<String, Object> fetch1(String... attributes) {
        List<String> fields = attributes.length == 0 ? null : checkedNames(attributes);
        List<Map<String, Object>> rows = Rows.fetch(connection(), limitedStatement(fields));
        if (rows.size() != 1) {
            throw new DataJointException("fetch1 needs exactly one row; " + describeForErrors() + " has "
                    + (rows.isEmpty() ? "none" : "more than one") + (rows.isEmpty() ? "" : "; restrict it to one row first"));
        }
        return rows.get(0);
    }

    private Statement limitedStatement(List<String> fields) {
        return top == null ? topped(TopSpec.ANY_TWO).statement(fields) : statement(fields);
    }

    /** How error messages name this expression: the query and the tables it reads. */
    String describeForErrors() {
        Set<String> tables = new LinkedHashSet<>();
        collectTables(tables);
        return "the query on " + String.join(", ", tables);
    }

    private void collectTables(Set<String> out) {
        for (Object source : support()) {
            if (source instanceof TableRef ref) {
                out.add(connection().renderer().render(DSL.name(ref.schema(), ref.table())));
            } else if (source instanceof QueryImpl q) {
                q.collectTables(out);
            }
        }
    }

    private List<String> checkedNames(String... attributes) {
        for (String a : attributes) {
            if (!qheading().contains(a)) {
                throw new UnknownAttributeException("Attribute '" + a + "' is not in the query's heading " + qheading().names());
            }
        }
        return List.of(attributes);
    }

    @Override
    public <R extends Record> List<R> toList(Class<R> recordType) {
        Statement st = statement(null);
        return Rows.fetch(connection(), st, RowShapes.recordReader(recordType, st.codecs()));
    }

    @Override
    public Map<String, List<Object>> toColumns(String... attributes) {
        List<String> fields = attributes.length == 0 ? qheading().names() : checkedNames(attributes);
        return Rows.columns(connection(), statement(fields));
    }

    @Override
    public <T> List<T> column(String attribute, Class<T> type) {
        List<Object> values = toColumns(attribute).get(attribute);
        List<T> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(type.cast(RowShapes.convert(v, type, attribute)));
        }
        return out;
    }

    @Override
    public Stream<Map<String, Object>> stream() {
        return RowStream.open(connection(), statement(null));
    }

    @Override
    public List<Map<String, Object>> keys() {
        return Rows.fetch(connection(), statement(qheading().primaryKey()));
    }

    @Override
    public long count() {
        Render r = new Render(connection().serverRenderer());
        var sub = select(r, qheading().primaryKey().isEmpty() ? qheading().names() : qheading().primaryKey(), false);
        var q = r.dsl().selectCount().from(sub.asTable(r.nextAlias()));
        return Rows.count(connection(), q.getSQL(org.jooq.conf.ParamType.INDEXED), q.getBindValues());
    }

    @Override
    public boolean exists() {
        Render r = new Render(connection().serverRenderer());
        var q = r.dsl().selectOne().whereExists(select(r, List.of(), false));
        return Rows.count(connection(), q.getSQL(org.jooq.conf.ParamType.INDEXED), q.getBindValues()) > 0;
    }

    @Override
    public String sql() {
        return statement(null).sql();
    }

    @Override
    public String preview() {
        return Preview.of(this);
    }

    @Override
    public String toString() {
        try {
            return preview();
        } catch (DataJointException e) {
            return describeForErrors() + " (no preview: " + e.getMessage() + ")";
        }
    }
}
