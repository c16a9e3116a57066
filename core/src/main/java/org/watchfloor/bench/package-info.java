/** Synthetic corpora with ground truth, to measure resolution quality and cost at scale. */
package org.watchfloor.bench;
