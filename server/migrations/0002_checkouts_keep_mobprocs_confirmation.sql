-- A checkout keeps MOBPROC's confirmation as MOBPROC sent it, not a page's view of it,
-- with the property definitions that label its values, and the activity id that its
-- confirmation and submission share.
--
-- Rows of the old layout: a confirmation never placed is dropped (the cart is kept, and
-- the person reviews the order again); a placed or in-doubt one keeps its order request,
-- state and order id, so it is still placed at most once and found by its number, but
-- its view is not kept (NULL): its page shows the order, not its items. Their activity
-- id was never kept either: their order number stands in for it.
CREATE TABLE checkouts_next (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    external_order_number TEXT NOT NULL UNIQUE,
    activity_id TEXT NOT NULL,
    cart_version BIGINT NOT NULL,
    request TEXT NOT NULL,
    confirmation TEXT,
    definitions TEXT,
    state TEXT NOT NULL,
    order_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

INSERT INTO checkouts_next (id, user_id, actor_id, external_order_number, activity_id,
        cart_version, request, confirmation, definitions, state, order_id, created_at,
        updated_at)
    SELECT id, user_id, actor_id, external_order_number, external_order_number,
        cart_version, request, NULL, NULL, state, order_id, created_at, updated_at
    FROM checkouts
    WHERE state <> 'confirmed';

DROP TABLE checkouts;

ALTER TABLE checkouts_next RENAME TO checkouts;

CREATE INDEX checkouts_by_party ON checkouts (user_id, actor_id);
