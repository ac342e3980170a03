package org.deciban.inference.dynamics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * When each item is observed, for drift (design N4): the distinct observation dates in order, which
 * date each item belongs to, and the years between dates.
 *
 * <p><b>Model.</b> Between two dates t_1 &lt; t_2 the preference (the question variable) is kept with
 * probability a = exp(-drift * dt), dt = days / {@value #DAYS_PER_YEAR} years, and otherwise re-drawn
 * from its prior; the transition T(dt) = a I + (1 - a) pi 1^T keeps pi stationary, so no transition
 * is applied before the first date, and T(a_1) T(a_2) = T(a_1 a_2).
 *
 * <p><b>Dates.</b> The evaluation date is the one asked for, else the case's as_of, else the latest
 * item date. An item without a date is observed at the case's as_of (at the evaluation date when the
 * case has no as_of): it is as fresh as the forecast itself. Every item must be observed on or before
 * the evaluation date (a replay of an earlier date holds only {@link #observedBy} that date). When no
 * item and no as_of has a date, all items form one group with no date.
 */
public final class DriftSchedule {

    /** Length of a year in days, for dt in years. */
    public static final double DAYS_PER_YEAR = 365.25;

    private final LocalDate end;
    private final List<LocalDate> dates;
    private final int[] dateOf;
    private final double[] yearsBefore;
    private final double yearsToEnd;

    private DriftSchedule(LocalDate end, List<LocalDate> dates, int[] dateOf, double[] yearsBefore, double yearsToEnd) {
        this.end = end;
        this.dates = java.util.Collections.unmodifiableList(new ArrayList<>(dates));
        this.dateOf = dateOf;
        this.yearsBefore = yearsBefore;
        this.yearsToEnd = yearsToEnd;
    }

    /**
     * The schedule of a case's items.
     *
     * @param at the evaluation date, or {@code null} for the case's own ({@link #evaluationDate})
     * @throws IllegalArgumentException when an item is observed after the evaluation date
     */
    public static DriftSchedule of(Case c, LocalDate at) {
        LocalDate end = evaluationDate(c, at);
        List<EvidenceItem> items = c.evidence();
        TreeMap<LocalDate, Integer> index = new TreeMap<>();
        LocalDate[] on = new LocalDate[items.size()];
        boolean undatedNoEnd = false;
        for (int e = 0; e < items.size(); e++) {
            LocalDate d = observedOn(c, items.get(e), end);
            if (d == null) {
                undatedNoEnd = true;
                continue;
            }
            if (end != null && d.isAfter(end)) {
                throw new IllegalArgumentException("item '" + items.get(e).id() + "' is observed on " + d
                        + ", after the evaluation date " + end + "; a forecast as of a date holds only the items observed by then");
            }
            on[e] = d;
            index.put(d, 0);
        }
        List<LocalDate> dates = new ArrayList<>(index.keySet());
        for (int g = 0; g < dates.size(); g++) {
            index.put(dates.get(g), g);
        }
        int[] dateOf = new int[items.size()];
        for (int e = 0; e < items.size(); e++) {
            dateOf[e] = on[e] == null ? 0 : index.get(on[e]);
        }
        if (undatedNoEnd) {
            // no date anywhere: one group without a date
            dates = new ArrayList<>();
            dates.add(null);
        }
        double[] before = new double[dates.size()];
        for (int g = 1; g < dates.size(); g++) {
            before[g] = years(dates.get(g - 1), dates.get(g));
        }
        LocalDate last = dates.isEmpty() ? null : dates.get(dates.size() - 1);
        double toEnd = last == null || end == null ? 0 : years(last, end);
        return new DriftSchedule(end, dates, dateOf, before, toEnd);
    }

    /** The evaluation date, or {@code null} when nothing in the case has a date. */
    public LocalDate end() {
        return end;
    }

    /** Number of distinct observation dates G (0 when the case has no items). */
    public int size() {
        return dates.size();
    }

    /** Date g, ascending; {@code null} for the single group of a case without any date. */
    public LocalDate date(int g) {
        return dates.get(g);
    }

    /** The date index of item e. */
    public int dateOf(int e) {
        return dateOf[e];
    }

    /** Years from date g - 1 to date g (0 for the first). */
    public double yearsBefore(int g) {
        return yearsBefore[g];
    }

    /** Years from the last date to the evaluation date. */
    public double yearsToEnd() {
        return yearsToEnd;
    }

    /** a = exp(-drift * years from date g to the evaluation date). */
    public double carryFromDateToEnd(int g, double drift) {
        LocalDate d = dates.get(g);
        return d == null || end == null ? 1.0 : Math.exp(-drift * years(d, end));
    }

    /** a = exp(-drift * years between the dates); from must not be after to. */
    public static double carry(double drift, LocalDate from, LocalDate to) {
        return Math.exp(-drift * years(from, to));
    }

    /** Years between two dates, days / {@value #DAYS_PER_YEAR}; from must not be after to. */
    public static double years(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 0) {
            throw new IllegalArgumentException("date " + to + " is before " + from);
        }
        return days / DAYS_PER_YEAR;
    }

    /** The evaluation date: {@code at} if given, else the case's as_of, else its latest item date, else null. */
    public static LocalDate evaluationDate(Case c, LocalDate at) {
        if (at != null) {
            return at;
        }
        if (c.asOf() != null) {
            return c.asOf();
        }
        LocalDate last = null;
        for (EvidenceItem e : c.evidence()) {
            if (e.date() != null && (last == null || e.date().isAfter(last))) {
                last = e.date();
            }
        }
        return last;
    }

    /** The date an item counts as observed: its own date, else the case's as_of, else {@code end}. */
    public static LocalDate observedOn(Case c, EvidenceItem e, LocalDate end) {
        return e.date() != null ? e.date() : c.asOf() != null ? c.asOf() : end;
    }

    /**
     * The items observed on or before a date, in the case's order: dated items dated on or before it,
     * and undated items when the case's as_of is on or before it (or the case has no as_of).
     */
    public static List<EvidenceItem> observedBy(Case c, LocalDate date) {
        List<EvidenceItem> out = new ArrayList<>();
        for (EvidenceItem e : c.evidence()) {
            if (!observedOn(c, e, date).isAfter(date)) {
                out.add(e);
            }
        }
        return out;
    }
}
