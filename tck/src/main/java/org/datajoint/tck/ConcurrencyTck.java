package org.datajoint.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.datajoint.DropOptions;
import org.datajoint.Instance;
import org.datajoint.Schema;
import org.junit.jupiter.api.Test;

/** Many threads, each with its own instance, at once. */
public interface ConcurrencyTck extends TckTarget {

    @Test
    default void sixteenThreadsCreateAndDropSchemasConcurrently(TckContext tck) throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = tck.schemaName("conc" + i);
                int limit = i + 1;
                results.add(pool.submit(() -> {
                    start.await();
                    try (Instance inst = tck.builder().set("display.limit", limit).build()) {
                        for (int round = 0; round < 3; round++) {
                            Schema s = inst.schema(name);
                            inst.connection().execute("CREATE TABLE " + inst.freeTable(name + ".t").fullTableName()
                                    + " (id INTEGER PRIMARY KEY)");
                            assertEquals(List.of("t"), s.listTables());
                            assertTrue(s.drop(DropOptions.noPrompt()));
                            assertFalse(s.exists());
                        }
                        assertEquals(limit, inst.config().getInt("display.limit"));
                        return name;
                    }
                }));
            }
            start.countDown();
            for (Future<String> f : results) {
                f.get(180, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
