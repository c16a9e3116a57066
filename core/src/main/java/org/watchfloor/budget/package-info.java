/** Budget: the time one document may take in the stages that read it, checked by the stages themselves. */
package org.watchfloor.budget;
