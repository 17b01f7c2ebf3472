-- Sign-in schema. Runs unchanged on Oracle (12c+) and on H2 2.x in MODE=Oracle:
-- VARCHAR2 with CHAR length semantics (Vietnamese letters take 2-3 bytes in AL32UTF8), NUMBER for
-- integers and booleans (no BOOLEAN before Oracle 23), sequences instead of IDENTITY (EclipseLink's
-- IDENTITY DDL fails on H2 2.x and a sequence with INCREMENT BY = allocationSize suits Oracle RAC).
-- Every *_at column is a TIMESTAMP holding UTC; the application converts at the edge.
-- CHECK constraints avoid IN (...) lists and "x = 'A' OR x = 'B'" (which H2 rewrites into one): H2 2.4
-- binds such a constant set to the session that created it (Flyway's) and fails with "database has
-- been closed" when a later session updates the row. CASE and BETWEEN are evaluated per session.
-- Sequences start at their increment because EclipseLink treats the value it fetches as the END of
-- a preallocated block of allocationSize ids.

CREATE SEQUENCE citizen_identity_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE staff_grant_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE citizen_identity (
    id                NUMBER(19)          NOT NULL,
    personal_id       VARCHAR2(12)        NOT NULL,
    full_name         VARCHAR2(150 CHAR)  NOT NULL,
    birth_date        DATE,
    gender            VARCHAR2(6),
    assurance_level   NUMBER(1)           NOT NULL,
    provider_subject  VARCHAR2(255 CHAR)  NOT NULL,
    first_sign_in_at  TIMESTAMP(6)        NOT NULL,
    last_sign_in_at   TIMESTAMP(6)        NOT NULL,
    version           NUMBER(19)          NOT NULL,
    CONSTRAINT citizen_identity_pk PRIMARY KEY (id),
    CONSTRAINT citizen_identity_pid_uk UNIQUE (personal_id),
    CONSTRAINT citizen_identity_gender_ck CHECK (CASE WHEN gender IS NULL THEN 1 WHEN gender = 'MALE' THEN 1 WHEN gender = 'FEMALE' THEN 1 ELSE 0 END = 1),
    CONSTRAINT citizen_identity_level_ck CHECK (assurance_level BETWEEN 1 AND 2)
);

CREATE TABLE agency (
    code         VARCHAR2(32)        NOT NULL,
    name         VARCHAR2(300 CHAR)  NOT NULL,
    kind         VARCHAR2(16)        NOT NULL,
    parent_code  VARCHAR2(32),
    supervisor   VARCHAR2(300 CHAR),
    CONSTRAINT agency_pk PRIMARY KEY (code),
    CONSTRAINT agency_kind_ck CHECK (CASE kind WHEN 'MINISTRY' THEN 1 WHEN 'PROVINCE' THEN 1 ELSE 0 END = 1),
    CONSTRAINT agency_parent_fk FOREIGN KEY (parent_code) REFERENCES agency (code)
);

CREATE TABLE public_service (
    code              VARCHAR2(32)        NOT NULL,
    agency_code       VARCHAR2(32)        NOT NULL,
    name              VARCHAR2(500 CHAR)  NOT NULL,
    min_level         NUMBER(1)           NOT NULL,
    vneid_integrated  NUMBER(1)           DEFAULT 0 NOT NULL,
    integrated_on     DATE,
    CONSTRAINT public_service_pk PRIMARY KEY (code),
    CONSTRAINT public_service_agency_fk FOREIGN KEY (agency_code) REFERENCES agency (code),
    CONSTRAINT public_service_level_ck CHECK (min_level BETWEEN 1 AND 2),
    CONSTRAINT public_service_integrated_ck CHECK (vneid_integrated BETWEEN 0 AND 1)
);
CREATE INDEX public_service_agency_ix ON public_service (agency_code);

-- Oracle (and H2 in Oracle mode) treat two rows with equal non-null parts of a composite unique key
-- as duplicates even when agency_code is NULL, so an administrator cannot be granted twice.
CREATE TABLE staff_grant (
    id           NUMBER(19)          NOT NULL,
    personal_id  VARCHAR2(12)        NOT NULL,
    role         VARCHAR2(32)        NOT NULL,
    agency_code  VARCHAR2(32),
    granted_at   TIMESTAMP(6)        NOT NULL,
    granted_by   VARCHAR2(100 CHAR)  NOT NULL,
    CONSTRAINT staff_grant_pk PRIMARY KEY (id),
    CONSTRAINT staff_grant_uk UNIQUE (personal_id, role, agency_code),
    CONSTRAINT staff_grant_agency_fk FOREIGN KEY (agency_code) REFERENCES agency (code),
    CONSTRAINT staff_grant_role_ck CHECK (
        (role = 'ADMINISTRATOR' AND agency_code IS NULL)
        OR (role = 'AGENCY_OFFICER' AND agency_code IS NOT NULL))
);

-- Append-only, hash-chained. id is the position in the chain (1, 2, 3 ...), assigned while the single
-- audit_chain_head row is locked, so ids are contiguous in commit order across every JVM.
CREATE TABLE audit_event (
    id              NUMBER(19)          NOT NULL,
    occurred_at     TIMESTAMP(6)        NOT NULL,
    event_type      VARCHAR2(64)        NOT NULL,
    outcome         VARCHAR2(16)        NOT NULL,
    actor           VARCHAR2(200 CHAR),
    target          VARCHAR2(200 CHAR),
    reason          VARCHAR2(200 CHAR),
    correlation_id  VARCHAR2(64),
    details         CLOB,
    prev_hash       VARCHAR2(64)        NOT NULL,
    hash            VARCHAR2(64)        NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (id),
    CONSTRAINT audit_event_outcome_ck CHECK (CASE outcome WHEN 'SUCCESS' THEN 1 WHEN 'FAILURE' THEN 1 ELSE 0 END = 1)
);
CREATE INDEX audit_event_correlation_ix ON audit_event (correlation_id);
CREATE INDEX audit_event_occurred_ix ON audit_event (occurred_at);

CREATE TABLE audit_chain_head (
    id          NUMBER(1)     NOT NULL,
    last_id     NUMBER(19)    NOT NULL,
    last_hash   VARCHAR2(64)  NOT NULL,
    CONSTRAINT audit_chain_head_pk PRIMARY KEY (id),
    CONSTRAINT audit_chain_head_single_ck CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- One row per portal sign-in, so a back-channel logout received by any node ends sessions held by all.
CREATE TABLE portal_session (
    session_key       VARCHAR2(64)        NOT NULL,
    provider_sid      VARCHAR2(255 CHAR),
    provider_subject  VARCHAR2(255 CHAR)  NOT NULL,
    personal_id       VARCHAR2(12)        NOT NULL,
    assurance_level   NUMBER(1)           NOT NULL,
    created_at        TIMESTAMP(6)        NOT NULL,
    last_seen_at      TIMESTAMP(6)        NOT NULL,
    ended_at          TIMESTAMP(6),
    end_reason        VARCHAR2(32),
    CONSTRAINT portal_session_pk PRIMARY KEY (session_key),
    CONSTRAINT portal_session_level_ck CHECK (assurance_level BETWEEN 1 AND 2)
);
CREATE INDEX portal_session_sid_ix ON portal_session (provider_sid);
CREATE INDEX portal_session_subject_ix ON portal_session (provider_subject);
CREATE INDEX portal_session_pid_ix ON portal_session (personal_id);
