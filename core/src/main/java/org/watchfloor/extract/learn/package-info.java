/**
 * The learned decisions of the extract stage share this plumbing: sparse named features, and a
 * linear model (L2-regularised logistic regression, trained by LIBLINEAR through Tribuo) read
 * from a versioned resource in the jar.
 */
package org.watchfloor.extract.learn;
