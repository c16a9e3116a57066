/** Finds time expressions in English news text and resolves them to dated intervals. */
package org.watchfloor.extract.time;
