-- Accounts sign in to the console; each owns its devices.
-- Portable DDL: it runs on H2 (MODE=LEGACY) and MySQL/MariaDB alike. The two Flyway placeholders carry the only
-- vendor differences (see io.devicehub.schema.SchemaMigrations):
--   ${table_options}  MySQL: InnoDB, utf8mb4 by default, whatever the server's defaults are; H2: nothing.
--   ${case_sensitive} MySQL: a binary collation, so that device identifiers "Led" and "led" are distinct; H2: nothing
--                     (H2 compares case-sensitively already).

CREATE TABLE account (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uk_account_username UNIQUE (username),
    CONSTRAINT uk_account_email UNIQUE (email)
) ${table_options};

CREATE TABLE device (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id            BIGINT       NOT NULL,
    identifier            VARCHAR(32)  ${case_sensitive} NOT NULL,
    description           VARCHAR(255),
    credential_hash       VARCHAR(255) NOT NULL,
    enabled               BOOLEAN      NOT NULL,
    created_at            DATETIME(3) NOT NULL,
    credential_changed_at DATETIME(3) NOT NULL,
    version               BIGINT       NOT NULL,
    CONSTRAINT uk_device_account_identifier UNIQUE (account_id, identifier),
    CONSTRAINT fk_device_account FOREIGN KEY (account_id) REFERENCES account (id)
) ${table_options};

CREATE INDEX ix_device_account_created ON device (account_id, created_at);
