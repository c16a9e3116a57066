/** Turns the raw bytes of a fetched document into text, finding and checking its character set. */
package org.watchfloor.parse.charset;
