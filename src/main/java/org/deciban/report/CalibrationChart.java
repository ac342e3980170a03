package org.deciban.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.deciban.inference.update.Scoring;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The reliability diagram of resolved predictions: per calibration bin holding a prediction, its mean predicted
 * probability (x) against the share of its predictions observed (y), with the diagonal of perfect calibration.
 * Drawn by JFreeChart like {@link Charts}, for inline SVG.
 */
final class CalibrationChart {

    private static final Font TEXT = new Font("SansSerif", Font.PLAIN, 12);
    private static final Color POINTS = new Color(0x1F4E8C);
    private static final Color DIAGONAL = new Color(0x9AA3AD);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private CalibrationChart() {
    }

    /** The diagram of the given bins (empty bins are not drawn). */
    static JFreeChart of(String title, List<Scoring.Bin> bins) {
        XYSeries observed = new XYSeries("observed share by bin", false, true);
        for (Scoring.Bin b : bins) {
            if (b.count() > 0) {
                observed.add(b.meanForecast(), b.observedFrequency());
            }
        }
        XYSeries diagonal = new XYSeries("perfect calibration", false, true);
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(observed);
        data.addSeries(diagonal);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, POINTS);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesPaint(1, DIAGONAL);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        XYPlot plot = new XYPlot(data, axis("mean predicted probability"), axis("share observed"), r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, TEXT.deriveFont(Font.BOLD, 14f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(TEXT);
        return chart;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(0, 1);
        a.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        a.setTickLabelFont(TEXT);
        a.setLabelFont(TEXT);
        return a;
    }
}
