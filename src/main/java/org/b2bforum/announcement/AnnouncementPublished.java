package org.b2bforum.announcement;

import java.util.List;

/** Published after commit: the e-mail goes out then, outside the transaction. */
record AnnouncementPublished(long id, String text, List<Long> companyIds) {
}
