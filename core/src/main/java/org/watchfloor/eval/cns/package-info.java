/** Cross-checks the launches the system extracted against the CNS missile-test database and the gold events. */
package org.watchfloor.eval.cns;
