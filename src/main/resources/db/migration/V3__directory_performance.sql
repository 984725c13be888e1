-- The directory sorted by name reads the approved companies in index order instead of sorting them all.
create index ix_company_status_name on company (status, short_name);

-- A city filter finds its companies and their sort keys in the index alone, without reading the rows.
create index ix_company_city_status on company (city, status, short_name, country);
drop index ix_company_city on company;
