/** Measures the HTML article extractor against pages with hand-checked expected output. */
package org.watchfloor.eval.extract;
