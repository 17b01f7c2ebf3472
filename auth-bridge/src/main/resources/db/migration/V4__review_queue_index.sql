-- The administrators' review queue pages through OPEN items oldest first (ORDER BY opened_at, id), on the whole
-- queue or on one review cause, with OFFSET ... FETCH. With the id in the index the page's ids are read from the
-- index alone, in order, without sorting the queue; review_item_status_ix (status, opened_at) is superseded.
-- Same dialect rules as V1 (Oracle 12c+ and H2 2.x in MODE=Oracle).
DROP INDEX review_item_status_ix;
CREATE INDEX review_item_open_order_ix ON review_item (status, opened_at, id);
CREATE INDEX review_item_open_cause_ix ON review_item (status, cause, opened_at, id);
