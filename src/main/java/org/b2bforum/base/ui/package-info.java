/**
 * The main layout and the UI pieces features share (notices, field errors, figure cards, the
 * approved-companies marker, the language switch).
 */
@NamedInterface("ui")
package org.b2bforum.base.ui;

import org.springframework.modulith.NamedInterface;
