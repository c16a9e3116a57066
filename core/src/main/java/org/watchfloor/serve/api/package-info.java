/** The REST API of the workbench under {@code /api/v1}: JSON contracts, pagination, errors as JSON. */
package org.watchfloor.serve.api;
