-- The names organizers enter for the forum's halls, negotiation sessions and program items, in English
-- beside the Russian one (as fair zones and products have had since V23). Optional: while it is null an
-- English reader is shown the Russian name.
alter table hall add column name_en varchar(100) null;
alter table negotiation_session add column name_en varchar(200) null;
alter table program_item
    add column title_en varchar(300) null,
    add column place_en varchar(200) null;
