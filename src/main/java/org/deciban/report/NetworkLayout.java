package org.deciban.report;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.NullElkProgressMonitor;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Where the boxes and arrows of a drawn directed graph go, computed by the Eclipse Layout Kernel's
 * layered algorithm (ELK Layered, Sugiyama's method: cycles broken, nodes assigned to layers by network
 * simplex so every arrow points the same way, the order within layers chosen by layer sweeps to cut
 * crossings, coordinates by network simplex). No layout is computed here; this class only hands ELK the
 * box sizes and arrows and reads back the coordinates.
 *
 * <p>Deterministic: ELK's random seed (used by its crossing minimisation) is fixed and the boxes and
 * arrows enter in the order given, so the same input gives the same coordinates.
 */
final class NetworkLayout {

    /** The way arrows point: parents above their children, or to their left. */
    enum Flow { DOWN, RIGHT }

    /** A box's size, in pixels. */
    record Size(double width, double height) {
    }

    /** A placed box: its top-left corner and size. */
    record Box(double x, double y, double width, double height) {
    }

    /** A point of the drawing. */
    record Point(double x, double y) {
    }

    /** An arrow from box {@code from} to box {@code to} through {@code points} (start, bends, end). */
    record Arrow(int from, int to, List<Point> points) {
        Arrow {
            points = List.copyOf(points);
        }
    }

    /** The placed boxes (in the order given), the arrows (in the order given), the drawing's size. */
    record Placement(List<Box> boxes, List<Arrow> arrows, double width, double height) {
        Placement {
            boxes = List.copyOf(boxes);
            arrows = List.copyOf(arrows);
        }
    }

    /** Gaps, in pixels. */
    private static final double PADDING = 8;
    private static final double BETWEEN_BOXES = 22;
    private static final double BETWEEN_LAYERS = 44;
    private static final double EDGE_TO_BOX = 10;
    private static final double EDGE_TO_EDGE = 8;
    /** ELK's seed for its randomised steps; fixed, so layouts repeat. */
    private static final int SEED = 1;

    static {
        // ELK copies option values through its own reflection registry, which its metadata service
        // fills inside Eclipse; outside it, the registry is filled here, once
        LayoutMetaDataService.initElkReflect();
    }

    private NetworkLayout() {
    }

    /**
     * Lays out boxes of the given sizes and arrows between them.
     *
     * @param sizes  one size per box
     * @param links  arrows as {from, to} box indexes
     * @param flow   which way arrows point
     * @param aspect the width / height the drawing should approach where ELK has a choice (how it packs
     *               parts of the graph that no arrow joins)
     */
    static Placement of(List<Size> sizes, List<int[]> links, Flow flow, double aspect) {
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.DIRECTION, flow == Flow.DOWN ? Direction.DOWN : Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        graph.setProperty(CoreOptions.RANDOM_SEED, SEED);
        graph.setProperty(CoreOptions.ASPECT_RATIO, aspect);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(PADDING));
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, BETWEEN_BOXES);
        graph.setProperty(CoreOptions.SPACING_EDGE_NODE, EDGE_TO_BOX);
        graph.setProperty(CoreOptions.SPACING_EDGE_EDGE, EDGE_TO_EDGE);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, BETWEEN_LAYERS);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, EDGE_TO_BOX);
        // network simplex places boxes with straighter arrows and a narrower drawing than the default
        // (Brandes-Koepf): ALARM's 37 variables 1,428 pixels wide instead of 2,086
        graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        List<ElkNode> nodes = new ArrayList<>(sizes.size());
        for (Size s : sizes) {
            ElkNode n = ElkGraphUtil.createNode(graph);
            n.setDimensions(s.width(), s.height());
            nodes.add(n);
        }
        List<ElkEdge> edges = new ArrayList<>(links.size());
        for (int[] link : links) {
            edges.add(ElkGraphUtil.createSimpleEdge(nodes.get(link[0]), nodes.get(link[1])));
        }
        new LayeredLayoutProvider().layout(graph, new NullElkProgressMonitor());
        List<Box> boxes = new ArrayList<>(nodes.size());
        for (ElkNode n : nodes) {
            boxes.add(new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight()));
        }
        List<Arrow> arrows = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            List<Point> points = new ArrayList<>();
            for (ElkEdgeSection s : edges.get(i).getSections()) {
                points.add(new Point(s.getStartX(), s.getStartY()));
                for (ElkBendPoint b : s.getBendPoints()) {
                    points.add(new Point(b.getX(), b.getY()));
                }
                points.add(new Point(s.getEndX(), s.getEndY()));
            }
            arrows.add(new Arrow(links.get(i)[0], links.get(i)[1], points));
        }
        return new Placement(boxes, arrows, graph.getWidth(), graph.getHeight());
    }
}
