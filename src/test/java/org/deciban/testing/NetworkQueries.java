package org.deciban.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.io.NetworkFile;
import org.deciban.model.Network;

/**
 * The workload of shared/bench/network-queries.md: for each standard network, two sets of five hard
 * findings (A and B differ in at least one value). The sets of alarm, hailfinder, hepar2, win95pts,
 * pathfinder, andes and munin are copied from that file. For asia, sachs, child, insurance and water,
 * which it leaves to the benchmark, five variables were picked (the leaves, in the network's
 * topological order, then the latest other variables in that order when there are fewer than five
 * leaves) and their states taken from forward samples of the network drawn with
 * {@code new SplittableRandom(20240801)}: set A from the first sample, set B from the first later
 * sample that differs on them. Each set is therefore possible (P(e) &gt; 0).
 */
public final class NetworkQueries {

    /** Finding sets A and B of a network, "VAR=STATE,..." as in network-queries.md. */
    public record Sets(String network, String a, String b) {

        /** The hard findings of set A (first) or B, variable id to state id, in the order written. */
        public Map<String, String> findings(boolean first) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String pair : (first ? a : b).split(",")) {
                int eq = pair.indexOf('=');
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return out;
        }
    }

    /** P(A) and P(B) on ALARM, from network-queries.md (4 decimals). */
    public static final double ALARM_P_A = 0.0964;
    public static final double ALARM_P_B = 0.0404;

    private static final List<Sets> SETS = List.of(
            new Sets("asia", "xray=no,dysp=yes,either=no,bronc=no,lung=no", "xray=no,dysp=no,either=no,bronc=no,lung=no"),
            new Sets("sachs", "Jnk=LOW,P38=LOW,PIP2=LOW,Akt=LOW,Erk=LOW", "Jnk=AVG,P38=LOW,PIP2=LOW,Akt=LOW,Erk=LOW"),
            new Sets("child", "LVHreport=no,LowerBodyO2=5-12,RUQO2=12+,CO2Report=<7.5,XrayReport=Oligaemic",
                    "LVHreport=no,LowerBodyO2=<5,RUQO2=5-12,CO2Report=>=7.5,XrayReport=Oligaemic"),
            new Sets("insurance", "GoodStudent=False,PropCost=Thousand,OtherCar=True,MedCost=Thousand,ILiCost=Thousand",
                    "GoodStudent=False,PropCost=Thousand,OtherCar=False,MedCost=Thousand,ILiCost=Thousand"),
            new Sets("alarm", "HRBP=HIGH,BP=LOW,SAO2=LOW,EXPCO2=LOW,PRESS=HIGH", "HRBP=HIGH,BP=NORMAL,SAO2=LOW,EXPCO2=LOW,PRESS=HIGH"),
            new Sets("water", "C_NI_12_45=3,CKNI_12_45=40_MG_L,CBODD_12_45=20_MG_L,CKND_12_45=6_MG_L,CNOD_12_45=0_5_MG_L",
                    "C_NI_12_45=5,CKNI_12_45=20_MG_L,CBODD_12_45=20_MG_L,CKND_12_45=4_MG_L,CNOD_12_45=0_5_MG_L"),
            new Sets("hailfinder", "R5Fcst=SIG,LowLLapse=Stable,MvmtFeatures=OtherRapid,SfcWndShfDis=DenvCyclone,WindAloft=SWQuad",
                    "R5Fcst=SIG,LowLLapse=CloseToDryAd,MvmtFeatures=OtherRapid,SfcWndShfDis=None,WindAloft=AllElse"),
            new Sets("hepar2", "triglycerides=a3_2,skin=present,urea=a39_0,ggtp=a9_0,jaundice=absent",
                    "triglycerides=a3_2,skin=present,urea=a39_0,ggtp=a29_10,jaundice=absent"),
            new Sets("win95pts", "Problem1=Normal_Output,HrglssDrtnAftrPrnt=Fast_Enough,TstpsTxt=x_1_Mb_Available_VM,Problem6=No,PrtStatPaper=No_Error",
                    "Problem1=No_Output,HrglssDrtnAftrPrnt=Fast_Enough,TstpsTxt=x_1_Mb_Available_VM,Problem6=No,PrtStatPaper=No_Error"),
            new Sets("pathfinder", "F1=Absent,F23=Absent,F40=NA,F63=Absent,F80=Absent",
                    "F1=Absent,F23=Absent,F40=Multilobated__some_,F63=Absent,F80=Absent"),
            new Sets("andes", "SNode_14=true,TRY14=true,SNode_46=false,GOAL_99=false,SNode_134=false",
                    "SNode_14=true,TRY14=false,SNode_46=true,GOAL_99=false,SNode_134=false"),
            new Sets("munin", "R_MEDD2_AMPR_EW=R0_6,R_ULND5_CV_EW=M_S60,R_DELT_TA_CONCL=NORMAL,L_APB_QUAL_MUPDUR=SMALL,L_ADM_MUPINSTAB=NO",
                    "R_MEDD2_AMPR_EW=R0_4,R_ULND5_CV_EW=M_S52,R_DELT_TA_CONCL=NORMAL,L_APB_QUAL_MUPDUR=NORMAL,L_ADM_MUPINSTAB=NO"));

    private NetworkQueries() {
    }

    /** Every network's sets, smallest network first. */
    public static List<Sets> all() {
        return SETS;
    }

    /** The sets of one network. */
    public static Sets of(String network) {
        for (Sets s : SETS) {
            if (s.network().equals(network)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no finding sets for " + network);
    }

    /** The test resource of a standard network (src/test/resources/networks/NAME.bif.gz). */
    public static Path file(String network) {
        return Tree.resource("networks/" + network + ".bif.gz");
    }

    /** Reads a standard network from the test resources. */
    public static Network network(String network) {
        return NetworkFile.readNetwork(file(network));
    }

    /** Hard findings as (variable index, state index) pairs of a network. */
    public static int[][] indices(Network net, Map<String, String> findings) {
        List<int[]> out = new ArrayList<>();
        for (Map.Entry<String, String> f : findings.entrySet()) {
            String var = f.getKey();
            String state = f.getValue();
            int v = net.indexOf(var);
            if (v < 0) {
                throw new IllegalArgumentException("no variable " + var);
            }
            int s = net.variable(v).indexOf(state);
            if (s < 0) {
                throw new IllegalArgumentException("no state " + state + " of " + var);
            }
            out.add(new int[] {v, s});
        }
        return out.toArray(new int[0][]);
    }
}
