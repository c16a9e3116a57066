/** Resolve: groups reports of the same happening into events, incrementally. */
package org.watchfloor.resolve;
