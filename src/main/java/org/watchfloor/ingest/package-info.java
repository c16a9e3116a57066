/** Ingest: reads documents from files, folders and (later) feeds, URLs and archives. */
package org.watchfloor.ingest;
