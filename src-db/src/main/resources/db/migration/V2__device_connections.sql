-- Live device sessions (WebSocket): fast re-authentication, the last connection's summary, and a bounded history.

-- HMAC-SHA256 of the device's credential under a server key that is not in the database ("<key id>:<base64>").
-- A reconnecting device is checked against it in microseconds instead of a full PBKDF2 check; it is replaced
-- whenever the credential changes. Without the server key it is worthless to anyone who reads the database.
ALTER TABLE device ADD COLUMN credential_mac VARCHAR(64);

-- The summary of the device's most recent connection, written when it ends.
ALTER TABLE device ADD COLUMN last_connected_at DATETIME(3);
ALTER TABLE device ADD COLUMN last_disconnected_at DATETIME(3);
ALTER TABLE device ADD COLUMN last_remote_address VARCHAR(64);
ALTER TABLE device ADD COLUMN last_close_reason VARCHAR(255);
ALTER TABLE device ADD COLUMN last_bytes_received BIGINT;
ALTER TABLE device ADD COLUMN last_bytes_sent BIGINT;
ALTER TABLE device ADD COLUMN last_messages_received BIGINT;
ALTER TABLE device ADD COLUMN last_messages_sent BIGINT;
ALTER TABLE device ADD COLUMN last_calls BIGINT;

-- Connects and disconnects per device, newest kept (the application prunes to a fixed number per device).
CREATE TABLE device_connection (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    device_id      BIGINT       NOT NULL,
    event          VARCHAR(16)  NOT NULL,
    occurred_at    DATETIME(3)  NOT NULL,
    remote_address VARCHAR(64),
    reason         VARCHAR(255),
    CONSTRAINT fk_device_connection_device FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_device_connection_device ON device_connection (device_id, id);
