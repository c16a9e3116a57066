/** The pipeline: wires ingest → parse → extract → resolve → store for each document. */
package org.watchfloor.pipeline;
