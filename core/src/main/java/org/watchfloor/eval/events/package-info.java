/** Measures event extraction against hand-labelled gold events: precision, recall, dates, weapons. */
package org.watchfloor.eval.events;
