/** Extract: entities, time expressions, numbers, quotes and event reports from article text. */
package org.watchfloor.extract;
