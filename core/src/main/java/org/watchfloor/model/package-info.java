/** Domain values shared by every pipeline stage: articles, mentions, reports, claims, events. */
package org.watchfloor.model;
