-- review74: a rejected application's tax number freed by the forum office, with a reason in the application's trail.
-- Whoever registered a company's tax number with an address of their own, confirmed it and was rejected held the number
-- for good: the real company's form answered "already registered". The rejected application keeps the number it applied
-- with (the office's record); only an application that holds it (not freed) counts for the unique key.
alter table company
    add column tax_number_freed_at datetime(6),
    add column held_tax_number varchar(12) as (if(tax_number_freed_at is null, tax_number, null)) stored;

alter table company
    drop index uk_company_tax_number,
    add constraint uk_company_tax_number unique (country, held_tax_number);
