package org.serialgen.kit.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A native statement with named parameters, run on the caller's session (and in its transaction, if there is one):
 * the one way repositories run SQL that HQL cannot say (ranges, upserts, window functions, bulk inserts). Rows are
 * read through {@link Row}, whatever Java types the driver chose (a row of one column arrives as its value alone).
 */
public final class NativeSql {

    private final String sql;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private NativeSql(String sql) {
        this.sql = sql;
    }

    public static NativeSql of(String sql) {
        return new NativeSql(sql);
    }

    /** Binds {@code :name}; a null binds SQL NULL. */
    public NativeSql with(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Runs an INSERT, UPDATE or DELETE (or a statement answering nothing) and answers the rows it changed. */
    public Uni<Integer> update() {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql)).executeUpdate());
    }

    /** Every row, each made into a {@code T} by {@code row}. */
    public <T> Uni<List<T>> list(Function<Row, T> row) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql, Object.class))
            .getResultList()).map(rows -> rows.stream().map(values -> row.apply(new Row(values instanceof Object[] many
                ? many : new Object[] {values}))).toList());
    }

    /** The one row the statement answers, made into a {@code T}. */
    public <T> Uni<T> single(Function<Row, T> row) {
        return list(row).map(rows -> {
            if (rows.size() != 1) {
                throw new IllegalStateException(rows.size() + " rows where one was expected: " + sql);
            }
            return rows.get(0);
        });
    }

    /** Every row's single column, as {@code type} (a scalar: Long, String, Integer …). */
    public <T> Uni<List<T>> column(Class<T> type) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql, type)).getResultList());
    }

    private <Q extends Mutiny.AbstractQuery> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
