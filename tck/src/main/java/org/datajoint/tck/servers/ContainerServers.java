package org.datajoint.tck.servers;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** MySQL 8.4 and PostgreSQL 17 in Docker containers through Testcontainers. */
final class ContainerServers {

    static final String MYSQL_IMAGE = "mysql:8.4";
    static final String POSTGRESQL_IMAGE = "postgres:17";
    private static final String PASSWORD = "datajoint-tck";
    private static final long DOCKER_PROBE_SECONDS = 30;

    private static Boolean dockerAvailable;

    private ContainerServers() {
    }

    /**
     * Whether a Docker engine answers. Never throws: a missing engine, a missing Testcontainers
     * class or a probe that takes longer than {@value #DOCKER_PROBE_SECONDS} s all count as no.
     */
    static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = probeDocker();
        }
        return dockerAvailable;
    }

    private static boolean probeDocker() {
        FutureTask<Boolean> probe = new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
        Thread t = new Thread(probe, "datajoint-tck-docker-probe");
        t.setDaemon(true);
        t.start();
        try {
            return probe.get(DOCKER_PROBE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            t.interrupt();
            return false;
        }
    }

    static TestServer start(Backend backend) throws SQLException {
        JdbcDatabaseContainer<?> container = backend == Backend.POSTGRESQL
                ? new PostgreSQLContainer<>(DockerImageName.parse(POSTGRESQL_IMAGE))
                        .withUsername(backend.defaultUser).withPassword(PASSWORD)
                : new MySQLContainer<>(DockerImageName.parse(MYSQL_IMAGE))
                        .withUsername(backend.defaultUser).withPassword(PASSWORD);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "datajoint-tck-" + backend.id + "-container-stop"));
        return TestServer.connect(backend, container.getHost(), container.getMappedPort(backend.defaultPort),
                backend.defaultUser, PASSWORD, "containers");
    }
}
