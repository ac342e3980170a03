package org.deciban.proof;

import java.util.List;
import org.deciban.model.Icd203;

/**
 * The smallest change of judgments found that overturns the conclusion, and what it overturns.
 *
 * @param changes      the changed judgments (empty when none was found)
 * @param leaderBefore id of the leading hypothesis as the case stands
 * @param bandBefore   its band as the case stands
 * @param leaderAfter  id of the leading hypothesis with the changes
 * @param after        its posterior with the changes
 * @param bandAfter    the band of that posterior
 */
public record Overturn(List<ChangedJudgment> changes, String leaderBefore, Icd203 bandBefore, String leaderAfter,
                       double after, Icd203 bandAfter) {

    public Overturn {
        changes = List.copyOf(changes);
    }

    /** Whether the changes overturn the leader itself, rather than only its band. */
    public boolean overturnsLeader() {
        return !leaderAfter.equals(leaderBefore);
    }

    /** What the changes overturn, in words. */
    public String what() {
        if (overturnsLeader()) {
            return "the leader: '" + leaderAfter + "' leads instead of '" + leaderBefore + "'";
        }
        return "only the leader's band: '" + leaderBefore + "' still leads, but at '" + bandAfter.phrase()
                + "' instead of '" + bandBefore.phrase() + "'";
    }
}
