/**
 * Watch profiles: the domain knowledge of one watch (event types, trigger lexicons, gazetteers,
 * origins, feeds) loaded from YAML files and validated at start, so that none of it is code.
 */
package org.watchfloor.profile;
