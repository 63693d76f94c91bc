// A real Neo4j Community server for the tests, started by scripts/neo4j-test-server.
//
// It runs the server through neo4j-harness (the same kernel, Cypher, Bolt and HTTP server as the
// packaged Neo4j), bound to 127.0.0.1 on free ports (or NEO4J_TEST_BOLT_PORT and
// NEO4J_TEST_HTTP_PORT when set), with authentication disabled. Once the server
// is up it writes, in the state directory given as the only argument:
//   bolt-uri, http-uri, version, pid   (one line each; the script waits for bolt-uri)
// The server's files live in STATE/work/ and are deleted when it stops (SIGTERM or SIGINT),
// except the databases when NEO4J_TEST_DATA_DIR names a folder for them: they outlive a stop,
// and a server started again with the same folder finds the data it had, as a real one does.

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;
import org.neo4j.server.configuration.ServerSettings;

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
        Neo4j neo4j = null;
        for (int attempt = 1; neo4j == null; attempt++) {
            // Ports are chosen here rather than left to the server (port 0) so that the addresses
            // it advertises (Browser discovery, neo4j:// routing tables) carry the real ports.
            int bolt = port("NEO4J_TEST_BOLT_PORT");
            int http = port("NEO4J_TEST_HTTP_PORT");
            try {
                neo4j = start(state.resolve("work"), bolt, http);
            } catch (RuntimeException e) {
                if (attempt >= 3 || !hasBindException(e)) {
                    throw e;
                }
                System.out.println("neo4j-test-server: port taken meanwhile, trying others");
            }
        }
        final Neo4j server = neo4j;

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-test-server: stopping");
            try {
                server.close();
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

        String version = server.defaultDatabaseService().executeTransactionally(
                "CALL dbms.components() YIELD name, versions, edition "
                        + "RETURN name + ' ' + versions[0] + ' ' + edition AS v",
                Map.of(),
                result -> (String) result.next().get("v"));

        write(state, "pid", Long.toString(ProcessHandle.current().pid()));
        write(state, "version", version);
        write(state, "http-uri", server.httpURI().toString());
        // Last: the script takes the appearance of bolt-uri as "the server is up".
        write(state, "bolt-uri", server.boltURI().toString());

        System.out.printf(
                "neo4j-test-server: %s up in %.1f s, bolt %s, http %s%n",
                version, (System.nanoTime() - t0) / 1e9, server.boltURI(), server.httpURI());
        System.out.flush();
        stopped.await();
    }

    private static Neo4j start(Path workDir, int boltPort, int httpPort) {
        SocketAddress bolt = new SocketAddress("127.0.0.1", boltPort);
        SocketAddress http = new SocketAddress("127.0.0.1", httpPort);
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workDir);
        String dataDir = System.getenv("NEO4J_TEST_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            Path data = Path.of(dataDir).toAbsolutePath();
            builder = builder.withConfig(GraphDatabaseSettings.data_directory, data);
        }
        // The harness gives the page cache 8 MiB, less than a 10,000-page graph's store files
        // (150 MB): every write then evicts and reads pages back. The cache takes memory as
        // pages are touched, so the limit costs nothing until a database grows into it.
        String pageCache = System.getenv().getOrDefault("NEO4J_TEST_PAGECACHE", "2g");
        builder = builder.withConfig(
                GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache));
        return builder
                .withConfig(BoltConnector.listen_address, bolt)
                .withConfig(BoltConnector.advertised_address, bolt)
                .withConfig(HttpConnector.listen_address, http)
                .withConfig(HttpConnector.advertised_address, http)
                // Nothing goes to the internet: no usage report from the server, no telemetry
                // from the Browser, remote guides only from this machine.
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                .withConfig(ServerSettings.allow_telemetry, false)
                .withConfig(ServerSettings.browser_remote_content_hostname_whitelist, "localhost")
                // Stop Bolt's network threads at once instead of after a 5 s quiet period.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(
                        GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .build();
    }

    /** The port in the environment variable `name`, else a free one on 127.0.0.1. */
    private static int port(String name) throws IOException {
        String fixed = System.getenv(name);
        if (fixed != null && !fixed.isBlank()) {
            return Integer.parseInt(fixed.trim());
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean hasBindException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void write(Path dir, String name, String value) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
