-- An approver's decision on an order, so one press sends it at most once: the first
-- request to claim the (order, approver) row sends it, the others wait for and show its
-- answer. A decision MOBPROC was not ready for may be sent again later.
CREATE TABLE approval_decisions (
    order_id TEXT NOT NULL,
    approver_id TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT,
    state TEXT NOT NULL,
    outcome TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (order_id, approver_id)
);

-- What the storefront could tell before placing an order about its approval, from
-- MOBPROC's own data (an upgrade before the line's upgrade eligibility date).
ALTER TABLE checkouts ADD COLUMN approval_note TEXT;
