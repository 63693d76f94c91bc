// Our exports as two other tools read them, for tests/test_exports_readers.py:
//
//   java -cp CLASSPATH Readers.java graphml FILE [rdf FILE …]
//
// graphml: TinkerPop's GraphMLReader into a TinkerGraph; rdf: Apache Jena's RDFDataMgr (what
// riot runs), the syntax by the file's extension. One JVM reads them all (it takes seconds to
// start), and prints a line of JSON for each: what was read, counted as the tool sees it. A
// file the tool refuses ends the program with its exception and a non-zero status.

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.io.graphml.GraphMLReader;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

public class Readers {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("graphml")) {
                graphml(args[i + 1]);
            } else {
                rdf(args[i + 1]);
            }
        }
    }

    static void graphml(String path) throws Exception {
        Graph graph = TinkerGraph.open();
        try (InputStream in = new FileInputStream(path)) {
            GraphMLReader.build().create().readGraph(in, graph);
        }
        Map<String, Integer> vertexLabels = new TreeMap<>();
        Map<String, Integer> edgeLabels = new TreeMap<>();
        Map<String, Integer> weights = new TreeMap<>();
        int labelled = 0;
        for (var it = graph.vertices(); it.hasNext(); ) {
            Vertex v = it.next();
            vertexLabels.merge(v.label(), 1, Integer::sum);
            if (v.property("label").isPresent()) labelled++;
        }
        for (var it = graph.edges(); it.hasNext(); ) {
            Edge e = it.next();
            edgeLabels.merge(e.label(), 1, Integer::sum);
            if (e.property("label").isPresent()) labelled++;
            if (e.property("weight").isPresent()) {
                weights.merge(e.value("weight").toString(), 1, Integer::sum);
            }
        }
        System.out.println("{\"vertexLabels\": " + json(vertexLabels) + ", \"edgeLabels\": "
            + json(edgeLabels) + ", \"weights\": " + json(weights) + ", \"labelled\": "
            + labelled + "}");
    }

    static void rdf(String path) {
        Model model = RDFDataMgr.loadModel(path);
        Map<String, Integer> languages = new TreeMap<>();
        for (var it = model.listStatements(); it.hasNext(); ) {
            Statement s = it.next();
            RDFNode o = s.getObject();
            if (o.isLiteral()) {
                Literal literal = o.asLiteral();
                languages.merge(literal.getLanguage().isEmpty() ? "none" : literal.getLanguage(),
                    1, Integer::sum);
            }
        }
        System.out.println("{\"triples\": " + model.size() + ", \"languages\": "
            + json(languages) + "}");
    }

    static String json(Map<String, Integer> counts) {
        StringBuilder out = new StringBuilder("{");
        for (var entry : counts.entrySet()) {
            if (out.length() > 1) out.append(", ");
            out.append('"').append(entry.getKey().replace("\"", "\\\"")).append("\": ")
                .append(entry.getValue());
        }
        return out.append('}').toString();
    }
}
