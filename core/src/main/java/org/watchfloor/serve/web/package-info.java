/** The analyst workbench: the HTTP server, its pages (precompiled jte templates) and its security headers. */
package org.watchfloor.serve.web;
