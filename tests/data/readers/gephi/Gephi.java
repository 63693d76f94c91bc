// A GraphML file as Gephi reads it, for tests/test_exports_readers.py:
//
//   java -cp CLASSPATH Gephi.java FILE …   (GraphML or GEXF, by the file's extension)
//
// Gephi's importer and default processor (what File > Open does) into a new workspace; prints
// one line of JSON: the nodes and edges, the columns (id: type) of each table, the labels and
// weights of the edges, and the nodes and edges on the timeline (first and last day, ISO).

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Element;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

public class Gephi {
    public static void main(String[] args) throws Exception {
        for (String path : args) read(path);
    }

    static void read(String path) throws Exception {
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container = importer.importFile(new File(path));
        importer.process(container, new DefaultProcessor(), workspace);
        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        Graph graph = model.getGraph();
        Map<String, String> nodeColumns = new TreeMap<>(), edgeColumns = new TreeMap<>();
        for (Column c : model.getNodeTable()) nodeColumns.put(c.getId(), c.getTypeClass().getSimpleName());
        for (Column c : model.getEdgeTable()) edgeColumns.put(c.getId(), c.getTypeClass().getSimpleName());
        Map<String, String> weights = new TreeMap<>(), edgeLabels = new TreeMap<>();
        Map<String, String> nodeTimes = new TreeMap<>(), edgeTimes = new TreeMap<>();
        int labelledNodes = 0;
        for (Node n : graph.getNodes()) {
            if (timed(n) != null) nodeTimes.put((String) n.getId(), timed(n));
            if (n.getLabel() != null && !n.getLabel().isEmpty()) labelledNodes++;
        }
        for (Edge e : graph.getEdges()) {
            weights.put((String) e.getId(), String.valueOf(e.getWeight()));
            edgeLabels.put((String) e.getId(), e.getLabel());
            if (timed(e) != null) edgeTimes.put((String) e.getId(), timed(e));
        }
        System.out.println("{\"nodes\": " + graph.getNodeCount() + ", \"edges\": "
            + graph.getEdgeCount() + ", \"labelledNodes\": " + labelledNodes
            + ", \"nodeColumns\": " + json(nodeColumns) + ", \"edgeColumns\": "
            + json(edgeColumns) + ", \"weights\": " + json(weights) + ", \"edgeLabels\": "
            + json(edgeLabels) + ", \"nodeTimes\": " + json(nodeTimes) + ", \"edgeTimes\": "
            + json(edgeTimes) + "}");
    }

    static String timed(Element element) {
        var intervals = element.getIntervals();
        if (intervals.length == 0) return null;
        return day(intervals[0].getLow()) + " " + day(intervals[intervals.length - 1].getHigh());
    }

    static String day(double millis) {
        return java.time.Instant.ofEpochMilli((long) millis).atZone(java.time.ZoneOffset.UTC)
            .toLocalDate().toString();
    }

    static String json(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        for (var entry : values.entrySet()) {
            if (out.length() > 1) out.append(", ");
            out.append(quote(entry.getKey())).append(": ").append(quote(entry.getValue()));
        }
        return out.append('}').toString();
    }

    static String quote(String text) {
        if (text == null) return "null";
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
