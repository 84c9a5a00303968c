-- A cart for a new line has no line yet: `service_id` may be NULL. (Rebuilt rather
-- than altered: SQLite cannot drop a NOT NULL constraint in place.)
CREATE TABLE carts_next (
    user_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    service_id TEXT,
    order_kind TEXT NOT NULL,
    content TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, actor_id)
);

INSERT INTO carts_next (user_id, actor_id, service_id, order_kind, content, version, updated_at)
    SELECT user_id, actor_id, service_id, order_kind, content, version, updated_at FROM carts;

DROP TABLE carts;

ALTER TABLE carts_next RENAME TO carts;

-- The acknowledgements a transfer's checkout showed, as MOBPROC defined them, so its
-- confirmation names what was agreed to.
ALTER TABLE checkouts ADD COLUMN acknowledgements TEXT;
