-- API tokens: the bearer secrets programs present to the REST API (/api/v1). Portable DDL as in V1.
--
-- Only a SHA-256 hash of each token is stored (64 hex characters), unique, and it is the look-up key: tokens carry
-- 190 random bits, so a fast hash is enough (passwords, which people choose, get salted PBKDF2 instead).
-- kind: API (named account tokens, "dh_pat_…") or ACCESS (short-lived, issued for a password, "dh_at_…").
-- scopes: space-separated names such as "devices:read resources:call".
-- A token limited to one device names it by id and identifier; deleting the device deletes its tokens, so a device
-- registered later under the same identifier never inherits them. resources: space-separated names, or NULL for all.

CREATE TABLE api_token (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    kind              VARCHAR(8)    NOT NULL,
    name              VARCHAR(64)   NOT NULL,
    token_hash        VARCHAR(64)   NOT NULL,
    token_hint        VARCHAR(16)   NOT NULL,
    scopes            VARCHAR(255)  NOT NULL,
    device_id         BIGINT,
    device_identifier VARCHAR(32)   ${case_sensitive},
    resources         VARCHAR(1500),
    created_at        DATETIME(3)   NOT NULL,
    expires_at        DATETIME(3),
    last_used_at      DATETIME(3),
    revoked_at        DATETIME(3),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_api_token_device FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE
) ${table_options};

-- An account's tokens of one kind, newest first (the console's and the API's list).
CREATE INDEX ix_api_token_account ON api_token (account_id, kind, id);
-- Pruning expired access tokens.
CREATE INDEX ix_api_token_expiry ON api_token (kind, expires_at);
