/**
 * The built-in mTORC1/mTORC2 network model of the review, its drug catalogue, cell contexts and the review's findings.
 */
package org.mtorworkbench.network;
