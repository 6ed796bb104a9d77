package io.caravan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts, drawn with JFreeChart into PNG files: bars of a figure per peer, and a series over time. */
final class BenchCharts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    private BenchCharts() {
    }

    /** Horizontal bars, one per peer, in the order given. */
    static void bars(Path png, String title, String axis, Map<String, Double> values) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((peer, value) -> data.addValue(value, axis, peer));
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.HORIZONTAL, false, false, false);
        save(png, chart);
    }

    /** A line of {@code (x, y)} points. */
    static void line(Path png, String title, String xAxis, String yAxis, List<double[]> points) throws IOException {
        XYSeries series = new XYSeries(yAxis);
        points.forEach(point -> series.add(point[0], point[1]));
        JFreeChart chart = ChartFactory.createXYLineChart(title, xAxis, yAxis, new XYSeriesCollection(series),
                PlotOrientation.VERTICAL, false, false, false);
        save(png, chart);
    }

    private static void save(Path png, JFreeChart chart) throws IOException {
        Files.createDirectories(png.getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
