package org.deciban.inference.montecarlo;

/**
 * Mergeable weighted sums over a set of draws, with every weight held relative to a reference
 * log weight {@code ref}: W_s = exp(logW_s - ref). Merging rescales the smaller reference to the
 * larger one, so no weight overflows; merging in a fixed order gives the same bits every time.
 */
final class ChunkSums {

    final int quantities;
    double ref = Double.NEGATIVE_INFINITY;
    long finite;
    double sumW;
    double sumW2;
    final double[] sumWp;
    final double[] sumW2p;
    final double[] sumW2p2;
    final double[] lead;
    /** Weighted histograms, quantities rows of {@link MonteCarloEngine#BINS}, or null. */
    final double[] histogram;

    ChunkSums(int quantities, boolean histogram) {
        this.quantities = quantities;
        sumWp = new double[quantities];
        sumW2p = new double[quantities];
        sumW2p2 = new double[quantities];
        lead = new double[quantities];
        this.histogram = histogram ? new double[Math.multiplyExact(quantities, MonteCarloEngine.BINS)] : null;
    }

    /** Adds another set of sums (merging in chunk order keeps results bit-identical). */
    void merge(ChunkSums o) {
        finite += o.finite;
        if (o.ref == Double.NEGATIVE_INFINITY) {
            return;
        }
        if (o.ref > ref) {
            scale(ref == Double.NEGATIVE_INFINITY ? 0 : Math.exp(ref - o.ref));
            ref = o.ref;
        }
        double f = Math.exp(o.ref - ref);
        double f2 = f * f;
        sumW += f * o.sumW;
        sumW2 += f2 * o.sumW2;
        for (int j = 0; j < quantities; j++) {
            sumWp[j] += f * o.sumWp[j];
            sumW2p[j] += f2 * o.sumW2p[j];
            sumW2p2[j] += f2 * o.sumW2p2[j];
            lead[j] += f * o.lead[j];
        }
        if (histogram != null) {
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] += f * o.histogram[i];
            }
        }
    }

    private void scale(double f) {
        double f2 = f * f;
        sumW *= f;
        sumW2 *= f2;
        for (int j = 0; j < quantities; j++) {
            sumWp[j] *= f;
            sumW2p[j] *= f2;
            sumW2p2[j] *= f2;
            lead[j] *= f;
        }
        if (histogram != null) {
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] *= f;
            }
        }
    }
}
