package org.b2bforum.company;

/**
 * A company became approved, or stopped being so (sent back to the organizers' review by a new name or tax number,
 * rejected, its approval withdrawn). Published by {@link CompanyRecords} inside the changing transaction: a listener
 * that writes in it is undone with the change.
 */
public record ApprovalChanged(long companyId, boolean approved) {
}
