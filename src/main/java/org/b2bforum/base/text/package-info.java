/**
 * How typed text is stored, and CSV cells.
 */
@NamedInterface("text")
package org.b2bforum.base.text;

import org.springframework.modulith.NamedInterface;
