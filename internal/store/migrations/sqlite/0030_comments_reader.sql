-- Under hold_first a comment is published at once only when its reader
-- (their own cookie key) already has an approved comment; the typed e-mail
-- address no longer counts (issue 16 M5). This index answers that per
-- comment without reading the table.
CREATE INDEX comments_reader ON comments(reader, status);
