/**
 * Dictionary matching of a watch profile against text: gazetteer entities, event-type trigger
 * phrases and cue lexicons, in one pass, with offsets into the original text.
 */
package org.watchfloor.extract.gazetteer;
