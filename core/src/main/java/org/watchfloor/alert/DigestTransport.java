package org.watchfloor.alert;

import org.watchfloor.store.AlertRows;

/** The way a daily digest is sent: it returns once the receiver has it, or says why not and whether to try again. */
interface DigestTransport {

  void send(AlertRows.DigestDue due, AlertSettings settings) throws Transport.Failure;
}
