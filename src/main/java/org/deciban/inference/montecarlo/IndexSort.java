package org.deciban.inference.montecarlo;

/** Sorts an index array by the values it points to (stable merge sort, ties by position). */
final class IndexSort {

    private IndexSort() {
    }

    static void sort(int[] order, double[] keys) {
        int n = order.length;
        int[] buf = new int[n];
        int[] src = order;
        int[] dst = buf;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int o = lo;
                while (a < mid && b < hi) {
                    dst[o++] = keys[src[b]] < keys[src[a]] ? src[b++] : src[a++];
                }
                while (a < mid) {
                    dst[o++] = src[a++];
                }
                while (b < hi) {
                    dst[o++] = src[b++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != order) {
            System.arraycopy(src, 0, order, 0, n);
        }
    }
}
