/**
 * The application's public URL.
 */
@NamedInterface("web")
package org.b2bforum.base.web;

import org.springframework.modulith.NamedInterface;
