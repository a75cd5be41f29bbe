/**
 * The extension API of the SBML layer: {@link org.mtorworkbench.sbml.extension.ModelFormat}
 * services import and export model file formats, and
 * {@link org.mtorworkbench.sbml.extension.TrackedServices} follows what active bundles
 * contribute, one tracker per kind, held by the bundle that consumes it. See docs/extending.md.
 *
 * @since 0.2
 */
package org.mtorworkbench.sbml.extension;
