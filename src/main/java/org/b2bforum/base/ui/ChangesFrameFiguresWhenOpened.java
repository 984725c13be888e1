package org.b2bforum.base.ui;

/**
 * A page whose opening changes what the frame ({@link MainLayout}) counts, such as the notifications page, which marks
 * what it shows read: the frame reads its figures when such a page opens, so that the bell is right at once rather
 * than at the live update that follows. Other pages read only what live updates do not keep (issue 17).
 */
public interface ChangesFrameFiguresWhenOpened {
}
