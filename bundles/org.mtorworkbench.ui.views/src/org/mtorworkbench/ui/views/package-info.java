/**
 * Workbench views for experiment results: plots, heatmaps, tables and diagram overlays.
 */
package org.mtorworkbench.ui.views;
