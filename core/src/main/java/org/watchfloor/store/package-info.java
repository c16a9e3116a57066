/** Store: the embedded record (SQLite) and its full-text index (Lucene), kept in step. */
package org.watchfloor.store;
