/** Parse: turns raw documents into articles with metadata, clean text and flags. */
package org.watchfloor.parse;
