/** Evaluation of event resolution: articles grouped into events, scored against a gold grouping. */
package org.watchfloor.eval.clusters;
