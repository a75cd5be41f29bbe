package org.mtorworkbench.network;

/**
 * A cell context of the built-in network: a cancer genotype (PTEN loss, PIK3CA, KRAS,
 * TSC2, LKB1 mutants, ...) or a cell-type property, as changes to the model.
 *
 * @param id the id users type ({@code --context pten_null})
 * @param name a short name
 * @param description what it represents and how the model encodes it
 * @param reviewSection where the review discusses it
 * @param changes what it does to the model
 */
public record CellContext(String id, String name, String description, String reviewSection, ModelChanges changes) {
}
