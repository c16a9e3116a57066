/**
 * Ingest: reads documents from files and folders, web pages, RSS/Atom feeds, WARC archives and
 * GDELT exports, fetching only public http(s) addresses within size and time limits.
 */
package org.watchfloor.ingest;
