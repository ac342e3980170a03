package org.deciban.testing;

import java.time.LocalDate;
import org.deciban.inference.CaseModel;
import org.deciban.inference.Posterior;
import org.deciban.inference.Timeline;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;

/** Short names for the compiled models the tests ask. */
public final class Models {

    private Models() {
    }

    /** The case compiled with its own settings. */
    public static CaseModel compile(Case c) {
        return CaseModels.compile(c);
    }

    /** The posterior {@code deciban run} reports (the case's own drift). */
    public static Posterior of(Case c) {
        return CaseModels.compile(c).posterior();
    }

    /** The static posterior (drift 0) of design step 3, whatever the case's drift. */
    public static Posterior exact(Case c) {
        return CaseModels.compile(c, 0, null).posterior();
    }

    /** The forward filter of a case at a drift rate and an evaluation date (null: the case's). */
    public static Timeline timeline(Case c, double drift, LocalDate at) {
        return CaseModels.compile(c, drift, at).timeline();
    }
}
