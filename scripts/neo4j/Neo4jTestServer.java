// A real Neo4j Community server for the tests, started by scripts/neo4j-test-server.
//
// It runs the server through neo4j-harness (the same kernel, Cypher, Bolt and HTTP server as the
// packaged Neo4j), bound to 127.0.0.1 on free ports, with authentication disabled. Once the server
// is up it writes, in the state directory given as the only argument:
//   bolt-uri, http-uri, version, pid   (one line each; the script waits for bolt-uri)
// The server's files live in STATE/work/ and are deleted when it stops (SIGTERM or SIGINT).

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

public final class Neo4jTestServer {
    private Neo4jTestServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Neo4jTestServer STATE_DIR");
            System.exit(2);
        }
        Path state = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(state.resolve("work"));

        long t0 = System.nanoTime();
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(state.resolve("work"))
                .withConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                // No usage report to the internet (dbms.usage_report.enabled).
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                // Stop Bolt's network threads at once instead of after a 5 s quiet period.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(
                        GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-test-server: stopping");
            try {
                neo4j.close();
            } finally {
                for (String name : new String[] {"bolt-uri", "http-uri", "version", "pid"}) {
                    try {
                        Files.deleteIfExists(state.resolve(name));
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
                System.out.println("neo4j-test-server: stopped");
                stopped.countDown();
            }
        }, "neo4j-test-server-shutdown"));

        String version = neo4j.defaultDatabaseService().executeTransactionally(
                "CALL dbms.components() YIELD name, versions, edition "
                        + "RETURN name + ' ' + versions[0] + ' ' + edition AS v",
                Map.of(),
                result -> (String) result.next().get("v"));

        write(state, "pid", Long.toString(ProcessHandle.current().pid()));
        write(state, "version", version);
        write(state, "http-uri", neo4j.httpURI().toString());
        // Last: the script takes the appearance of bolt-uri as "the server is up".
        write(state, "bolt-uri", neo4j.boltURI().toString());

        System.out.printf(
                "neo4j-test-server: %s up in %.1f s, bolt %s, http %s%n",
                version, (System.nanoTime() - t0) / 1e9, neo4j.boltURI(), neo4j.httpURI());
        System.out.flush();
        stopped.await();
    }

    private static void write(Path dir, String name, String value) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
