-- Failed attempts of a citizen to claim a legacy account by its old password (issue 3, "Tài khoản cũ của
-- tôi"): after 5 failures the claim of that account by that citizen is locked for 15 minutes. Kept in the
-- database, not in a node's memory, so the limit holds across every node of a cluster. Same dialect rules as
-- V1 (Oracle 12c+ and H2 2.x in MODE=Oracle): NUMBER, TIMESTAMP(6) holding UTC, no CHECK with IN lists.
-- One row per (citizen, account); a claim locks its row (SELECT ... FOR UPDATE) while it counts, so
-- concurrent attempts cannot slip past the limit.
CREATE TABLE claim_attempt (
    personal_id        VARCHAR2(12)  NOT NULL,
    legacy_account_id  NUMBER(19)    NOT NULL,
    failures           NUMBER(10)    NOT NULL,
    last_attempt_at    TIMESTAMP(6)  NOT NULL,
    locked_until       TIMESTAMP(6),
    CONSTRAINT claim_attempt_pk PRIMARY KEY (personal_id, legacy_account_id),
    CONSTRAINT claim_attempt_account_fk FOREIGN KEY (legacy_account_id) REFERENCES legacy_account (id),
    CONSTRAINT claim_attempt_failures_ck CHECK (failures BETWEEN 0 AND 1000000)
);
CREATE INDEX claim_attempt_account_ix ON claim_attempt (legacy_account_id);
