package org.mtorworkbench.ui.views.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values to draw as a bar chart: a group of bars per category, one bar per series.
 *
 * @param categoryLabel the category axis (parameters, readouts)
 * @param valueLabel the value axis
 * @param categories the categories in the order drawn
 * @param series each series' values, one per category, in legend order
 */
public record Bars(String categoryLabel, String valueLabel, List<String> categories, Map<String, double[]> series) {

    public Bars {
        categories = List.copyOf(categories);
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (e.getValue().length != categories.size()) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has " + e.getValue().length
                        + " values for " + categories.size() + " categories");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        series = Collections.unmodifiableMap(copy);
    }
}
