-- Imports of agency files uploaded on /admin/import (issue 3), which run in the background: one row per upload,
-- written by the node that runs it and read by every node, so the status page and the list of recent imports are
-- the same wherever the administrator's next request lands and after a restart. Same dialect rules as V1
-- (Oracle 12c+ and H2 2.x in MODE=Oracle): VARCHAR2 with CHAR semantics, NUMBER, TIMESTAMP(6) holding UTC, no
-- CHECK with IN lists.
--
-- id: 128 random bits in base64url, so a status page cannot be found by counting.
-- running_key: "<kind>/<file name>" while the import runs, NULL afterwards. Its unique constraint (NULLs are not
-- compared, on Oracle and H2 alike) lets the database refuse a second import of the same agency file while the
-- first runs, whichever nodes the two uploads reach.
-- node_name, heartbeat_at: the node running the import and when it last reported progress. A node that restarts
-- marks its own RUNNING rows INTERRUPTED; a RUNNING row whose heartbeat is older than the staleness limit is shown
-- as INTERRUPTED (its node is gone) and gives up its running_key to the next upload.
-- first_errors: the first rejected rows, one per line ("line TAB column TAB reason", tabs and line breaks escaped).
CREATE TABLE import_run (
    id               VARCHAR2(32 CHAR)    NOT NULL,
    kind             VARCHAR2(16 CHAR)    NOT NULL,
    file_name        VARCHAR2(200 CHAR)   NOT NULL,
    encoding         VARCHAR2(1000 CHAR)  NOT NULL,
    started_by       VARCHAR2(200 CHAR)   NOT NULL,
    started_at       TIMESTAMP(6)         NOT NULL,
    node_name        VARCHAR2(200 CHAR)   NOT NULL,
    heartbeat_at     TIMESTAMP(6)         NOT NULL,
    finished_at      TIMESTAMP(6),
    state            VARCHAR2(16 CHAR)    NOT NULL,
    running_key      VARCHAR2(220 CHAR),
    rows_read        NUMBER(19)           DEFAULT 0 NOT NULL,
    inserted         NUMBER(19),
    updated          NUMBER(19),
    unchanged        NUMBER(19),
    rejected         NUMBER(19),
    first_errors     CLOB,
    failure_message  VARCHAR2(2000 CHAR),
    CONSTRAINT import_run_pk PRIMARY KEY (id),
    CONSTRAINT import_run_running_uk UNIQUE (running_key),
    CONSTRAINT import_run_rows_ck CHECK (rows_read >= 0)
);
CREATE INDEX import_run_started_ix ON import_run (started_at, id);
CREATE INDEX import_run_state_ix ON import_run (state);
