/**
 * Whether an article is about the watch at all, decided cheaply from its title and lead by a
 * learned linear model before any extraction, so that the bulk of a news firehose costs little
 * and yields no event.
 */
package org.watchfloor.extract.relevance;
