-- Data buckets: time series that an account's devices (or programs, or the server sampling a device resource) write.
-- Portable DDL as in V1; JSON is a type of both H2 and MySQL/MariaDB (binary in MySQL, checked text in MariaDB).
--
-- source: RESOURCE (the server calls sample_device's sample_resource every sample_seconds), DEVICES (the devices'
-- "data" messages; bucket_writer lists the devices allowed, none listed = every device of the account), API.
-- retention_amount + retention_unit (HOURS, DAYS, WEEKS, MONTHS, YEARS): records older than that are deleted;
-- 0 = kept forever. records and last_write_at are kept up to date by every write, in the same transaction.
-- A deleted bucket keeps its row, without identifier, until its records are gone (deleted_at); the identifier is
-- free again at once, and the records go in small chunks that never hold long locks.

CREATE TABLE bucket (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id         BIGINT       NOT NULL,
    identifier         VARCHAR(32)  ${case_sensitive},
    name               VARCHAR(64)  NOT NULL,
    description        VARCHAR(255),
    enabled            BOOLEAN      NOT NULL,
    source             VARCHAR(16)  NOT NULL,
    sample_device      VARCHAR(32)  ${case_sensitive},
    sample_resource    VARCHAR(64),
    sample_seconds     INT,
    retention_amount   INT          NOT NULL,
    retention_unit     VARCHAR(8)   NOT NULL,
    records            BIGINT       DEFAULT 0 NOT NULL,
    last_write_at      DATETIME(3),
    samples_failed     BIGINT       DEFAULT 0 NOT NULL,
    last_sample_error  VARCHAR(255),
    last_sample_error_at DATETIME(3),
    created_at         DATETIME(3)  NOT NULL,
    deleted_at         DATETIME(3),
    version            BIGINT       NOT NULL,
    CONSTRAINT uk_bucket_account_identifier UNIQUE (account_id, identifier),
    CONSTRAINT fk_bucket_account FOREIGN KEY (account_id) REFERENCES account (id)
) ${table_options};

CREATE INDEX ix_bucket_account_created ON bucket (account_id, created_at);

CREATE TABLE bucket_writer (
    bucket_id BIGINT      NOT NULL,
    device    VARCHAR(32) ${case_sensitive} NOT NULL,
    CONSTRAINT pk_bucket_writer PRIMARY KEY (bucket_id, device),
    CONSTRAINT fk_bucket_writer_bucket FOREIGN KEY (bucket_id) REFERENCES bucket (id) ON DELETE CASCADE
) ${table_options};

-- One record per bucket and millisecond: writing an existing (bucket, ts) replaces the record. The primary key is
-- the index of every range scan (newest first, oldest first, aggregation, export, retention).
CREATE TABLE bucket_record (
    bucket_id BIGINT      NOT NULL,
    ts        BIGINT      NOT NULL,
    device    VARCHAR(32) ${case_sensitive},
    record    JSON        NOT NULL,
    CONSTRAINT pk_bucket_record PRIMARY KEY (bucket_id, ts)
) ${table_options};

-- The fields the records of a bucket have had, flattened to dotted paths ("climate.celsius"), and whether each was
-- ever a number: the columns of a CSV export, and what "all numeric fields" means for charts and aggregation.
CREATE TABLE bucket_field (
    bucket_id BIGINT       NOT NULL,
    path      VARCHAR(255) ${case_sensitive} NOT NULL,
    is_number BOOLEAN      NOT NULL,
    CONSTRAINT pk_bucket_field PRIMARY KEY (bucket_id, path),
    CONSTRAINT fk_bucket_field_bucket FOREIGN KEY (bucket_id) REFERENCES bucket (id) ON DELETE CASCADE
) ${table_options};
