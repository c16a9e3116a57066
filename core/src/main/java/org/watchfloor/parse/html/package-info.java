/** Extracts the article body and its metadata (title, byline, date, language) from an HTML page. */
package org.watchfloor.parse.html;
