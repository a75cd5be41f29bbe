/**
 * The graphical pathway editor over the JSBML document and its SBML Layout.
 */
package org.mtorworkbench.ui.editor;
