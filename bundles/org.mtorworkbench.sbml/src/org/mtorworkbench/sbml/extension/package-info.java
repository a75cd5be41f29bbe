/**
 * The extension API of the SBML layer: {@link org.mtorworkbench.sbml.extension.ModelFormat}
 * services import and export model file formats, and
 * {@link org.mtorworkbench.sbml.extension.ActiveServices} looks up what active bundles
 * contribute. See docs/extending.md.
 *
 * @since 0.2
 */
package org.mtorworkbench.sbml.extension;
