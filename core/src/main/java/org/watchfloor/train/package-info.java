/**
 * Learning the extraction models from labelled articles: the annotated corpus, grouped
 * cross-validation folds, and the trainers behind {@code watchfloor train} and {@code eval cv}.
 * The pipeline never depends on this package; it loads the models the trainers wrote.
 */
package org.watchfloor.train;
