package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.datajoint.Confirmer;
import org.datajoint.DataJoint;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.Proj;
import org.datajoint.QueryExpression;
import org.datajoint.Schema;
import org.datajoint.tck.servers.TestServer;
import org.datajoint.tck.servers.TestServers;
import org.junit.jupiter.api.Test;

/**
 * One JVM holding instances of several backends at once. Run by a module that has every dialect
 * on its class path; {@link #backends()} names the backends to combine.
 */
public interface MultiBackendTck {

    /** The backends to use together, at least two. */
    List<String> backends();

    @Test
    default void instancesOfDifferentBackendsWorkSideBySide() {
        List<Instance> instances = backends().stream().map(b -> {
            TestServer s = TestServers.get(b);
            return DataJoint.instance().environment(Map.of()).workingDirectory(Tck.isolatedDirectory())
                    .backend(b).host(s.host()).port(s.port()).user(s.user()).password(s.password())
                    .confirmer(Confirmer.never()).build();
        }).toList();
        String name = "tck_multi_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            for (int round = 0; round < 3; round++) {
                for (Instance inst : instances) {
                    Schema s = inst.schema(name);
                    String table = inst.freeTable(name + ".t" + round).fullTableName();
                    inst.connection().execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, backend VARCHAR(20))");
                    inst.connection().execute("INSERT INTO " + table + " VALUES (?, ?)", round, inst.connection().backend());
                    assertEquals(round + 1, s.listTables().size());
                }
            }
            for (int i = 0; i < instances.size(); i++) {
                Instance inst = instances.get(i);
                assertEquals(backends().get(i), inst.connection().backend());
                String table = inst.freeTable(name + ".t2").fullTableName();
                assertEquals(inst.connection().backend(),
                        inst.connection().query("SELECT backend FROM " + table).get(0).values().iterator().next());
            }
            assertNotEquals(instances.get(0).connection().server().product(),
                    instances.get(1).connection().server().product());
        } finally {
            for (Instance inst : instances) {
                assertTrue(inst.schema(name).drop(DropOptions.noPrompt()));
                inst.close();
            }
        }
    }

    @Test
    default void sameQueriesGiveTheSameRowsOnEveryBackend() {
        List<Instance> instances = backends().stream().map(b -> {
            TestServer s = TestServers.get(b);
            return DataJoint.instance().environment(Map.of()).workingDirectory(Tck.isolatedDirectory())
                    .backend(b).host(s.host()).port(s.port()).user(s.user()).password(s.password())
                    .confirmer(Confirmer.never()).build();
        }).toList();
        String name = "tck_same_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            List<Lab> labs = instances.stream().map(i -> new Lab(i, name)).toList();
            List<java.util.function.Function<Lab, QueryExpression>> queries = List.of(
                    l -> l.subject.restrict("species = \"mouse\" OR YEAR(date_of_birth) < 2024"),
                    l -> l.session.join(l.trial).restrict("score > 20").proj(Proj.key().compute("s", "score * 2")),
                    l -> l.subject.aggr(l.session.join(l.trial), Proj.all().compute("n", "count(trial_id)")
                            .compute("avg_score", "avg(score)").compute("hits", "sum(outcome = 'hit')")),
                    l -> DataJoint.U("experimenter").aggr(l.session, Map.of("n", "count(*)",
                            "last", "max(session_date)")),
                    l -> l.subject.proj("species").restrict("subject_id < 3").union(l.subject.proj("sex")),
                    l -> l.session.extend(l.experimenter.restrict("experimenter = 'ana'")),
                    l -> l.subject.orderBy("date_of_birth DESC").limit(3),
                    l -> l.experimenter.aggr(l.session, Map.of("subjects", "GROUP_CONCAT(DISTINCT subject_id)"))
                            .restrict("experimenter = 'ben'"));
            List<Integer> rowCounts = List.of(3, 5, 4, 2, 4, 6, 3, 1);
            for (int q = 0; q < queries.size(); q++) {
                List<List<Map<String, Object>>> results = new java.util.ArrayList<>();
                for (Lab lab : labs) {
                    QueryExpression e = queries.get(q).apply(lab);
                    results.add(q == 6 ? e.toDicts() : QueryAssertions.sorted(e.toDicts()));
                }
                assertEquals(rowCounts.get(q), results.get(0).size(), "query " + q + " on " + backends().get(0));
                for (int i = 1; i < results.size(); i++) {
                    assertEquals(results.get(0), results.get(i), "query " + q + " on " + backends().get(i));
                }
            }
        } finally {
            for (Instance inst : instances) {
                assertTrue(inst.schema(name).drop(DropOptions.noPrompt()));
                inst.close();
            }
        }
    }
}
