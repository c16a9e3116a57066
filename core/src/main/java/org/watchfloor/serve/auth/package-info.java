/** Who may write: analyst accounts, API tokens, sessions, CSRF checks, and the helper for authenticated write routes. */
package org.watchfloor.serve.auth;
