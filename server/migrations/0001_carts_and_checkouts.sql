-- The storefront's tables as they were before migrations: databases made by an older
-- server already have them, and adopt this layout as it is.
CREATE TABLE IF NOT EXISTS carts (
    user_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    order_kind TEXT NOT NULL,
    content TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, actor_id)
);

CREATE TABLE IF NOT EXISTS checkouts (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    external_order_number TEXT NOT NULL UNIQUE,
    cart_version BIGINT NOT NULL,
    request TEXT NOT NULL,
    confirmation TEXT NOT NULL,
    state TEXT NOT NULL,
    order_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
