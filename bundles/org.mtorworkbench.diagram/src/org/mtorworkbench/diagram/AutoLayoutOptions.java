package org.mtorworkbench.diagram;

/**
 * Typed options of {@link AutoLayout}. Immutable; the {@code withX} methods return copies.
 *
 * @param layoutId id of the layout created
 * @param nodeSpacing space between nodes of one layer
 * @param layerSpacing space between layers (the diagram flows top to bottom)
 */
public record AutoLayoutOptions(String layoutId, double nodeSpacing, double layerSpacing) {

    /** Id of a layout created by {@link AutoLayout}: {@value}. */
    public static final String DEFAULT_LAYOUT_ID = "auto_layout";
    /** Default space between nodes of a layer: {@value}. */
    public static final double DEFAULT_NODE_SPACING = 18;
    /** Default space between layers: {@value}. */
    public static final double DEFAULT_LAYER_SPACING = 28;

    /** The defaults. */
    public static final AutoLayoutOptions DEFAULTS = new AutoLayoutOptions(DEFAULT_LAYOUT_ID, DEFAULT_NODE_SPACING,
            DEFAULT_LAYER_SPACING);

    public AutoLayoutOptions {
        if (layoutId == null || !layoutId.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("layout id '" + layoutId + "' is not an SBML SId");
        }
        if (!(nodeSpacing >= 0) || !(layerSpacing >= 0)) {
            throw new IllegalArgumentException("spacings must be non-negative");
        }
    }

    /** @return a copy with another layout id */
    public AutoLayoutOptions withLayoutId(String id) {
        return new AutoLayoutOptions(id, nodeSpacing, layerSpacing);
    }

    /** @return a copy with another node spacing */
    public AutoLayoutOptions withNodeSpacing(double s) {
        return new AutoLayoutOptions(layoutId, s, layerSpacing);
    }

    /** @return a copy with another layer spacing */
    public AutoLayoutOptions withLayerSpacing(double s) {
        return new AutoLayoutOptions(layoutId, nodeSpacing, s);
    }
}
