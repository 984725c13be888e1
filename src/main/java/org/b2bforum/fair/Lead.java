package org.b2bforum.fair;

import java.time.Instant;

/** A visitor an exhibitor scanned, who consented at registration: name, position, company, city and a note. */
public record Lead(long id, long visitorDelegateId, String visitorName, String visitorPosition,
        String visitorCompany, String visitorCity, String note, Instant scannedAt, String scannedBy) {
}
