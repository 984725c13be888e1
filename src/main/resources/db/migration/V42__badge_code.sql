-- ux79: a short code printed under the badge's QR code (BadgeCode: six characters of an alphabet without 0/O, 1/I/L),
-- typed in at a stand when a phone's camera will not read the QR code. Made with the check-in token and kept with it,
-- so a badge printed again carries the same code; null until the badge (or its code on the phone) is first made.
alter table delegate add column badge_code char(6) null after check_in_token;
alter table delegate add constraint uk_delegate_badge_code unique (badge_code);
