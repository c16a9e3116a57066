/** Serve: the outputs analysts and other tools read — the JSON contracts, event views, exports. */
package org.watchfloor.serve;
