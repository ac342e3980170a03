package org.deciban.inference.network;

/**
 * The loops over one clique table. A clique over variables v_0..v_{m-1} with cardinalities c_j holds its
 * entries flat, v_{m-1} varying fastest: entry i has digits d_j with i = sum_j d_j prod_{l &gt; j} c_l.
 * A second table over some of these variables (a separator, a family's conditional table, one
 * variable) is addressed through strides: its index for entry i is sum_j d_j s_j, with s_j = 0 for the
 * variables it lacks. Entries are walked with an odometer whose innermost digit runs in a tight loop,
 * so no index is stored; the junction tree stores index maps (the same sums, precomputed) for small
 * cliques, where a plain array lookup is faster.
 */
final class CliqueKernels {

    private CliqueKernels() {
    }

    /**
     * The same walk over fewer, longer dimensions: adjacent dimensions j, j+1 merge when
     * strides[j] == strides[j+1] * cards[j+1] (both absent from the target, or laid out in the target as in
     * the clique), so the innermost loop runs over as many entries as possible. Returns {cards, strides}.
     */
    static int[][] compress(int[] cards, int[] strides) {
        int m = cards.length;
        int[] c = new int[m];
        int[] s = new int[m];
        int k = 0;
        for (int j = 0; j < m; j++) {
            if (k > 0 && s[k - 1] == strides[j] * cards[j]) {
                c[k - 1] *= cards[j];
                s[k - 1] = strides[j];
            } else {
                c[k] = cards[j];
                s[k] = strides[j];
                k++;
            }
        }
        return new int[][] {java.util.Arrays.copyOf(c, k), java.util.Arrays.copyOf(s, k)};
    }

    /** out[i] = the index of entry i in the table addressed by {@code strides}. */
    static void fillIndex(int[] cards, int[] strides, int[] out) {
        int m = cards.length;
        int inner = cards[m - 1];
        int tin = strides[m - 1];
        int[] digit = new int[m];
        int base = 0;
        for (int i = 0; i < out.length; i += inner) {
            int j = base;
            for (int q = 0; q < inner; q++, j += tin) {
                out[i + q] = j;
            }
            base = advance(cards, strides, digit, base);
        }
    }

    /** dst[index(i)] += pot[off + i] for every entry i; dst must be cleared first; digit is scratch of m entries. */
    static void marginalize(double[] pot, int off, int size, int[] cards, int[] strides, double[] dst, int[] digit) {
        int m = cards.length;
        int inner = cards[m - 1];
        int tin = strides[m - 1];
        java.util.Arrays.fill(digit, 0, m, 0);
        int base = 0;
        if (tin == 0) {
            for (int i = 0; i < size; i += inner) {
                double s = 0;
                int at = off + i;
                for (int q = 0; q < inner; q++) {
                    s += pot[at + q];
                }
                dst[base] += s;
                base = advance(cards, strides, digit, base);
            }
            return;
        }
        for (int i = 0; i < size; i += inner) {
            int j = base;
            int at = off + i;
            for (int q = 0; q < inner; q++, j += tin) {
                dst[j] += pot[at + q];
            }
            base = advance(cards, strides, digit, base);
        }
    }

    /** pot[off + i] *= src[index(i)] for every entry i; digit is scratch of m entries. */
    static void multiply(double[] pot, int off, int size, int[] cards, int[] strides, double[] src, int[] digit) {
        int m = cards.length;
        int inner = cards[m - 1];
        int tin = strides[m - 1];
        java.util.Arrays.fill(digit, 0, m, 0);
        int base = 0;
        if (tin == 0) {
            for (int i = 0; i < size; i += inner) {
                double f = src[base];
                int at = off + i;
                for (int q = 0; q < inner; q++) {
                    pot[at + q] *= f;
                }
                base = advance(cards, strides, digit, base);
            }
            return;
        }
        for (int i = 0; i < size; i += inner) {
            int j = base;
            int at = off + i;
            for (int q = 0; q < inner; q++, j += tin) {
                pot[at + q] *= src[j];
            }
            base = advance(cards, strides, digit, base);
        }
    }

    /**
     * Log-space {@link #multiply}: pot[off + i] += log(src[index(i)]) (log 0 = -infinity); digit is scratch of
     * m entries.
     */
    static void addLog(double[] pot, int off, int size, int[] cards, int[] strides, double[] src, int[] digit) {
        int m = cards.length;
        int inner = cards[m - 1];
        int tin = strides[m - 1];
        java.util.Arrays.fill(digit, 0, m, 0);
        int base = 0;
        for (int i = 0; i < size; i += inner) {
            int j = base;
            int at = off + i;
            for (int q = 0; q < inner; q++, j += tin) {
                pot[at + q] += org.deciban.inference.LogSpace.log(src[j]);
            }
            base = advance(cards, strides, digit, base);
        }
    }

    /** Log-space {@link #multiply}: pot[off + i] += src[index(i)]; digit is scratch of m entries. */
    static void add(double[] pot, int off, int size, int[] cards, int[] strides, double[] src, int[] digit) {
        int m = cards.length;
        int inner = cards[m - 1];
        int tin = strides[m - 1];
        java.util.Arrays.fill(digit, 0, m, 0);
        int base = 0;
        for (int i = 0; i < size; i += inner) {
            int j = base;
            int at = off + i;
            for (int q = 0; q < inner; q++, j += tin) {
                pot[at + q] += src[j];
            }
            base = advance(cards, strides, digit, base);
        }
    }

    /**
     * Log-space {@link #marginalize}: dst[dstOff + t] = log sum_{i : index(i) = t} exp(pot[off + i]) for the
     * {@code n} entries t of the target, by log-sum-exp shifted by each target entry's true maximum
     * (-infinity when every term is -infinity). tmp is scratch of n entries, digit of m.
     */
    static void logMarginalize(double[] pot, int off, int size, int[] cards, int[] strides, double[] dst, int dstOff,
                               int n, double[] tmp, int[] digit) {
        int m = cards.length;
        int inner = cards[m - 1];
        int tin = strides[m - 1];
        java.util.Arrays.fill(dst, dstOff, dstOff + n, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(tmp, 0, n, 0);
        java.util.Arrays.fill(digit, 0, m, 0);
        int base = 0;
        for (int i = 0; i < size; i += inner) {
            int j = dstOff + base;
            int at = off + i;
            for (int q = 0; q < inner; q++, j += tin) {
                dst[j] = Math.max(dst[j], pot[at + q]);
            }
            base = advance(cards, strides, digit, base);
        }
        java.util.Arrays.fill(digit, 0, m, 0);
        base = 0;
        for (int i = 0; i < size; i += inner) {
            int j = base;
            int at = off + i;
            for (int q = 0; q < inner; q++, j += tin) {
                double max = dst[dstOff + j];
                if (max > Double.NEGATIVE_INFINITY) {
                    tmp[j] += Math.exp(pot[at + q] - max);
                }
            }
            base = advance(cards, strides, digit, base);
        }
        for (int t = 0; t < n; t++) {
            if (dst[dstOff + t] > Double.NEGATIVE_INFINITY) {
                dst[dstOff + t] += Math.log(tmp[t]);
            }
        }
    }

    /** Log-space {@link #multiplyVariable}: pot[off + i] += vec[vecOff + state of the variable in entry i]. */
    static void addVariable(double[] pot, int off, int size, int stride, int card, double[] vec, int vecOff) {
        int block = stride * card;
        for (int b = off; b < off + size; b += block) {
            for (int s = 0, at = b; s < card; s++, at += stride) {
                double f = vec[vecOff + s];
                for (int q = 0; q < stride; q++) {
                    pot[at + q] += f;
                }
            }
        }
    }

    /**
     * Log-space {@link #sumVariable}: out[s] = log of the sum of exp(entry) over the entries whose variable
     * (stride, card) is in state s, by log-sum-exp shifted by the true maximum; tmp is scratch of card entries.
     */
    static void logSumVariable(double[] pot, int off, int size, int stride, int card, double[] out, double[] tmp) {
        java.util.Arrays.fill(out, 0, card, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(tmp, 0, card, 0);
        int block = stride * card;
        for (int b = off; b < off + size; b += block) {
            for (int s = 0, at = b; s < card; s++, at += stride) {
                for (int q = 0; q < stride; q++) {
                    out[s] = Math.max(out[s], pot[at + q]);
                }
            }
        }
        for (int b = off; b < off + size; b += block) {
            for (int s = 0, at = b; s < card; s++, at += stride) {
                double max = out[s];
                if (max > Double.NEGATIVE_INFINITY) {
                    for (int q = 0; q < stride; q++) {
                        tmp[s] += Math.exp(pot[at + q] - max);
                    }
                }
            }
        }
        for (int s = 0; s < card; s++) {
            if (out[s] > Double.NEGATIVE_INFINITY) {
                out[s] += Math.log(tmp[s]);
            }
        }
    }

    /** Moves the odometer past its innermost digit; returns the new base index. */
    private static int advance(int[] cards, int[] strides, int[] digit, int base) {
        for (int d = cards.length - 2; d >= 0; d--) {
            base += strides[d];
            if (++digit[d] < cards[d]) {
                return base;
            }
            base -= strides[d] * cards[d];
            digit[d] = 0;
        }
        return base;
    }

    /**
     * pot[off + i] *= vec[vecOff + state of one variable in entry i], for a variable of stride {@code stride} and
     * {@code card} states in a clique of {@code size} entries: blocks of stride entries share a state.
     */
    static void multiplyVariable(double[] pot, int off, int size, int stride, int card, double[] vec, int vecOff) {
        int block = stride * card;
        for (int b = off; b < off + size; b += block) {
            for (int s = 0, at = b; s < card; s++, at += stride) {
                double f = vec[vecOff + s];
                if (f == 1) {
                    continue;
                }
                for (int q = 0; q < stride; q++) {
                    pot[at + q] *= f;
                }
            }
        }
    }

    /** out[s] = sum of the entries whose variable (stride, card) is in state s; out is cleared first. */
    static void sumVariable(double[] pot, int off, int size, int stride, int card, double[] out) {
        java.util.Arrays.fill(out, 0, card, 0);
        int block = stride * card;
        for (int b = off; b < off + size; b += block) {
            for (int s = 0, at = b; s < card; s++, at += stride) {
                double sum = 0;
                for (int q = 0; q < stride; q++) {
                    sum += pot[at + q];
                }
                out[s] += sum;
            }
        }
    }
}
