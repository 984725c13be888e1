package org.b2bforum.company;

/**
 * Whether two companies have a confirmed meeting: the condition for seeing each other's contact
 * details. Implemented by the meeting feature.
 */
public interface ConfirmedMeetings {

    boolean exist(long companyId, long otherCompanyId);
}
