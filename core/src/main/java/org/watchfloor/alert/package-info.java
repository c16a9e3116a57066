/**
 * Alert: standing rules over the event record, decided in the transaction that changes an event
 * (a transactional outbox) and delivered after it by webhook, e-mail and an Atom feed per rule.
 */
package org.watchfloor.alert;
