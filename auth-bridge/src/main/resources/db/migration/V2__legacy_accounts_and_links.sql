-- Legacy accounts of the agencies, the population-register extract, identity links and review items.
-- Same dialect rules as V1 (Oracle 12c+ and H2 2.x in MODE=Oracle): VARCHAR2 with CHAR semantics for
-- Vietnamese text, NUMBER for integers, TIMESTAMP(6) holding UTC, CHECK constraints written with CASE
-- (never IN (...) or OR-chains of constants, see V1), sequences whose START equals their INCREMENT.
--
-- Bulk writers (importers, the linking batch) take ids from the same sequences in blocks of 50, exactly as
-- EclipseLink does, so JDBC batches and JPA inserts never hand out the same id.

CREATE SEQUENCE legacy_account_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE identity_link_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE review_item_seq START WITH 50 INCREMENT BY 50;

-- One row per account of an agency's old system, upserted by (agency_code, account_id). Raw values are kept
-- next to their normalised forms so every linking decision can be explained against what the agency sent.
-- content_hash fingerprints the business columns: re-importing an unchanged row is detected without
-- comparing every column, and leaves the row (and imported_at) untouched.
CREATE TABLE legacy_account (
    id                 NUMBER(19)          NOT NULL,
    agency_code        VARCHAR2(32)        NOT NULL,
    account_id         VARCHAR2(100 CHAR)  NOT NULL,
    username           VARCHAR2(150 CHAR),
    raw_full_name      VARCHAR2(300 CHAR),
    full_name          VARCHAR2(150 CHAR),
    name_key           VARCHAR2(150 CHAR),
    birth_date         DATE,
    gender             VARCHAR2(6),
    raw_id_number      VARCHAR2(64 CHAR),
    id_number_kind     VARCHAR2(12)        NOT NULL,
    id_number          VARCHAR2(20),
    raw_phone          VARCHAR2(40 CHAR),
    phone              VARCHAR2(11),
    email              VARCHAR2(320 CHAR),
    password_hash      VARCHAR2(512 CHAR),
    created_at         TIMESTAMP(6),
    last_login_at      TIMESTAMP(6),
    status             VARCHAR2(8)         NOT NULL,
    content_hash       VARCHAR2(64)        NOT NULL,
    imported_at        TIMESTAMP(6)        NOT NULL,
    source_file        VARCHAR2(500 CHAR),
    source_line        NUMBER(10),
    unlinkable_reason  VARCHAR2(32),
    CONSTRAINT legacy_account_pk PRIMARY KEY (id),
    CONSTRAINT legacy_account_uk UNIQUE (agency_code, account_id),
    CONSTRAINT legacy_account_agency_fk FOREIGN KEY (agency_code) REFERENCES agency (code),
    CONSTRAINT legacy_account_gender_ck CHECK (CASE WHEN gender IS NULL THEN 1 WHEN gender = 'MALE' THEN 1 WHEN gender = 'FEMALE' THEN 1 ELSE 0 END = 1),
    CONSTRAINT legacy_account_status_ck CHECK (CASE status WHEN 'ACTIVE' THEN 1 WHEN 'LOCKED' THEN 1 WHEN 'CLOSED' THEN 1 ELSE 0 END = 1),
    CONSTRAINT legacy_account_kind_ck CHECK (CASE id_number_kind WHEN 'PERSONAL_ID' THEN 1 WHEN 'OLD_ID_CARD' THEN 1
        WHEN 'PASSPORT' THEN 1 WHEN 'INVALID' THEN 1 WHEN 'MISSING' THEN 1 ELSE 0 END = 1)
);
-- Blocking keys of the linking engine and look-ups of the citizen's "my old accounts" page.
CREATE INDEX legacy_account_id_number_ix ON legacy_account (id_number);
CREATE INDEX legacy_account_name_key_ix ON legacy_account (name_key, birth_date);
CREATE INDEX legacy_account_phone_ix ON legacy_account (phone);

-- Extract of the national population register, keyed by personal ID. The application reads it only through
-- the PopulationRegister port, so a remote register API can replace this table.
CREATE TABLE population_record (
    personal_id    VARCHAR2(12)        NOT NULL,
    old_id_number  VARCHAR2(9),
    full_name      VARCHAR2(150 CHAR)  NOT NULL,
    name_key       VARCHAR2(150 CHAR)  NOT NULL,
    birth_date     DATE                NOT NULL,
    gender         VARCHAR2(6)         NOT NULL,
    phone          VARCHAR2(11),
    content_hash   VARCHAR2(64)        NOT NULL,
    imported_at    TIMESTAMP(6)        NOT NULL,
    CONSTRAINT population_record_pk PRIMARY KEY (personal_id),
    CONSTRAINT population_record_gender_ck CHECK (CASE gender WHEN 'MALE' THEN 1 WHEN 'FEMALE' THEN 1 ELSE 0 END = 1)
);
-- Not unique: old CMND numbers were reissued over time.
CREATE INDEX population_record_old_id_ix ON population_record (old_id_number);
CREATE INDEX population_record_name_key_ix ON population_record (name_key, birth_date);
CREATE INDEX population_record_phone_ix ON population_record (phone);

-- A legacy account tied to the person with personal_id. It points at the personal ID, not at
-- citizen_identity, because most citizens are linked before they ever sign in.
-- current_account_id equals legacy_account_id while the link is ACTIVE or DISPUTED and is NULL once REVOKED;
-- its unique index (NULLs are not indexed on Oracle and never collide on H2) makes a second current link for
-- one legacy account impossible whatever runs concurrently. A DISPUTED link still holds the account: it must
-- be revoked before anybody else's link can take its place.
CREATE TABLE identity_link (
    id                  NUMBER(19)          NOT NULL,
    personal_id         VARCHAR2(12)        NOT NULL,
    legacy_account_id   NUMBER(19)          NOT NULL,
    current_account_id  NUMBER(19),
    method              VARCHAR2(16)        NOT NULL,
    score               NUMBER(9,4),
    evidence            CLOB,
    state               VARCHAR2(8)         NOT NULL,
    created_by          VARCHAR2(200 CHAR)  NOT NULL,
    created_at          TIMESTAMP(6)        NOT NULL,
    ended_at            TIMESTAMP(6),
    ended_by            VARCHAR2(200 CHAR),
    end_reason          VARCHAR2(500 CHAR),
    version             NUMBER(19)          NOT NULL,
    CONSTRAINT identity_link_pk PRIMARY KEY (id),
    CONSTRAINT identity_link_account_fk FOREIGN KEY (legacy_account_id) REFERENCES legacy_account (id),
    CONSTRAINT identity_link_method_ck CHECK (CASE method WHEN 'AUTO_EXACT' THEN 1 WHEN 'AUTO_REGISTER' THEN 1
        WHEN 'AUTO_SCORED' THEN 1 WHEN 'CITIZEN_PROOF' THEN 1 WHEN 'REVIEWED' THEN 1 ELSE 0 END = 1),
    CONSTRAINT identity_link_state_ck CHECK (CASE state WHEN 'ACTIVE' THEN 1 WHEN 'DISPUTED' THEN 1 WHEN 'REVOKED' THEN 1 ELSE 0 END = 1),
    CONSTRAINT identity_link_current_ck CHECK (CASE
        WHEN state = 'REVOKED' THEN CASE WHEN current_account_id IS NULL AND ended_at IS NOT NULL THEN 1 ELSE 0 END
        WHEN current_account_id = legacy_account_id THEN 1
        ELSE 0 END = 1)
);
CREATE UNIQUE INDEX identity_link_current_uk ON identity_link (current_account_id);
CREATE INDEX identity_link_account_ix ON identity_link (legacy_account_id);
CREATE INDEX identity_link_pid_ix ON identity_link (personal_id);

-- An account the engine could not decide alone (scores between the thresholds, competing identities, an id
-- number contradicting name and birth date) or a disputed link. open_account_id works like
-- identity_link.current_account_id: at most one OPEN item per legacy account, so re-running the engine
-- cannot queue the same account twice.
CREATE TABLE review_item (
    id                 NUMBER(19)          NOT NULL,
    legacy_account_id  NUMBER(19)          NOT NULL,
    open_account_id    NUMBER(19),
    cause              VARCHAR2(32)        NOT NULL,
    status             VARCHAR2(20)        NOT NULL,
    candidates         CLOB,
    note               VARCHAR2(1000 CHAR),
    disputed_link_id   NUMBER(19),
    opened_at          TIMESTAMP(6)        NOT NULL,
    opened_by          VARCHAR2(200 CHAR)  NOT NULL,
    reviewer           VARCHAR2(200 CHAR),
    reviewed_at        TIMESTAMP(6),
    reason             VARCHAR2(1000 CHAR),
    resolved_link_id   NUMBER(19),
    version            NUMBER(19)          NOT NULL,
    CONSTRAINT review_item_pk PRIMARY KEY (id),
    CONSTRAINT review_item_account_fk FOREIGN KEY (legacy_account_id) REFERENCES legacy_account (id),
    CONSTRAINT review_item_disputed_fk FOREIGN KEY (disputed_link_id) REFERENCES identity_link (id),
    CONSTRAINT review_item_resolved_fk FOREIGN KEY (resolved_link_id) REFERENCES identity_link (id),
    CONSTRAINT review_item_status_ck CHECK (CASE status WHEN 'OPEN' THEN 1 WHEN 'RESOLVED_LINKED' THEN 1
        WHEN 'RESOLVED_REJECTED' THEN 1 ELSE 0 END = 1),
    CONSTRAINT review_item_open_ck CHECK (CASE
        WHEN status = 'OPEN' THEN CASE WHEN open_account_id = legacy_account_id AND reviewed_at IS NULL THEN 1 ELSE 0 END
        WHEN open_account_id IS NULL AND reviewed_at IS NOT NULL AND reviewer IS NOT NULL THEN 1
        ELSE 0 END = 1),
    CONSTRAINT review_item_linked_ck CHECK (CASE
        WHEN status = 'RESOLVED_LINKED' THEN CASE WHEN resolved_link_id IS NULL THEN 0 ELSE 1 END
        ELSE 1 END = 1)
);
CREATE UNIQUE INDEX review_item_open_uk ON review_item (open_account_id);
CREATE INDEX review_item_account_ix ON review_item (legacy_account_id);
CREATE INDEX review_item_status_ix ON review_item (status, opened_at);
