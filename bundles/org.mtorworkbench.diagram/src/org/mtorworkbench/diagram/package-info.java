/**
 * Pathway diagrams of SBML models, headless: a retained figure model built from an SBML
 * Layout (with its render colours), SBGN Process Description glyphs chosen from SBO terms,
 * one {@link java.awt.Graphics2D} painter for screen, SVG and PNG, hit testing, and ELK
 * auto-layout for models that have no layout.
 */
package org.mtorworkbench.diagram;
