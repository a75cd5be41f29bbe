/**
 * The extension API of the network layer: services other modellers' bundles register to
 * contribute drugs, cell contexts and model templates. See docs/extending.md.
 *
 * @since 0.1
 */
package org.mtorworkbench.network.extension;
