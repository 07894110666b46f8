package io.elicitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.simulation.RegretPlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code elicitor plot-scaling}: plots ms per query from {@code bench-query} JSON lines against one setting. */
@Command(name = "plot-scaling", mixinStandardHelpOptions = true,
        description = "Plot msPerQueryP50 of bench-query output (JSON lines) against items, particles or slate,"
                + " one line per strategy, log axes.")
final class PlotScalingCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, split = ",", description = "bench-query output files (JSON lines).")
    List<Path> inputs;

    @Option(names = "--x", defaultValue = "items", description = "items, particles or slate (default: ${DEFAULT-VALUE}).")
    String x;

    @Option(names = "--out", required = true, description = "Plot file, .svg or .png.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!List.of("items", "particles", "slate").contains(x)) {
            throw new IllegalArgumentException("--x must be items, particles or slate, got '" + x + "'");
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, TreeMap<Double, Double>> byStrategy = new TreeMap<>();
        for (Path in : inputs) {
            for (String line : Files.readAllLines(in)) {
                if (line.isBlank() || !line.trim().startsWith("{")) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                if (!n.hasNonNull("strategy") || !n.hasNonNull(x) || !n.hasNonNull("msPerQueryP50")) {
                    continue;
                }
                byStrategy.computeIfAbsent(n.get("strategy").asText(), k -> new TreeMap<>())
                        .put(n.get(x).asDouble(), n.get("msPerQueryP50").asDouble());
            }
        }
        if (byStrategy.isEmpty()) {
            throw new IllegalArgumentException("no bench-query lines with strategy, " + x + " and msPerQueryP50 in " + inputs);
        }
        Map<String, double[][]> series = new TreeMap<>();
        for (Map.Entry<String, TreeMap<Double, Double>> e : byStrategy.entrySet()) {
            List<Double> xs = new ArrayList<>(e.getValue().keySet());
            double[][] s = new double[2][xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                s[0][i] = xs.get(i);
                s[1][i] = e.getValue().get(xs.get(i));
            }
            series.put(e.getKey(), s);
        }
        RegretPlot.writeScaling(series, x, out);
        System.out.println("wrote " + out);
        return 0;
    }
}
