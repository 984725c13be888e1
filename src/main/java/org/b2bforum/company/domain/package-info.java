/**
 * Company and delegate entities and their repositories: company's own. Other modules read companies
 * through company's API (registration through {@link org.b2bforum.company.CompanyApplications}) and
 * change them through it ({@link org.b2bforum.company.CompanyRecords}).
 */
package org.b2bforum.company.domain;
