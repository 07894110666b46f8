package io.elicitor.simulation;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Plots of simulation results with XChart: regret against answers with 95% bands, one line per strategy. */
public final class RegretPlot {
    private RegretPlot() {}

    /** Writes the regret plot to {@code out}, PNG or SVG by its extension. */
    public static void write(Map<String, StrategySummary> strategies, String title, Path out) throws IOException {
        Map<String, double[][]> curves = new java.util.LinkedHashMap<>();
        strategies.forEach((name, s) -> curves.put(name, new double[][] {s.regret(), s.regretLow(), s.regretHigh()}));
        writeCurves(curves, title, "normalised regret (mean, 95% band)", out);
    }

    /** Writes curves against answers, each given as rows mean, low, high over t = 0..T, with 95% error bars. */
    public static void writeCurves(Map<String, double[][]> curves, String title, String yTitle, Path out)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle("answers")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        for (Map.Entry<String, double[][]> e : curves.entrySet()) {
            double[][] c = e.getValue();
            double[] t = new double[c[0].length];
            double[] err = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = i;
                err[i] = (c[2][i] - c[1][i]) / 2;
            }
            XYSeries series = chart.addSeries(e.getKey(), t, c[0], err);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setErrorBarsColor(Color.GRAY);
        save(chart, out);
    }

    /** Writes a log-x plot of milliseconds per query against catalog size, one line per series. */
    public static void writeScaling(Map<String, double[][]> series, String xTitle, Path out) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(560).title("milliseconds per query against " + xTitle)
                .xAxisTitle(xTitle + " (log)").yAxisTitle("ms per query, p50 (log)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            chart.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]).setMarker(SeriesMarkers.CIRCLE);
        }
        save(chart, out);
    }

    private static void save(XYChart chart, Path out) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String base = out.toString().replaceFirst("\\.[^.]+$", "");
        if (name.endsWith(".svg")) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } else if (name.endsWith(".png")) {
            BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
        } else {
            throw new IllegalArgumentException("plot file must end in .svg or .png: " + out);
        }
    }
}
