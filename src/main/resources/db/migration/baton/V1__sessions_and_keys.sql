-- Portable SQL: the same file runs on H2, PostgreSQL and MariaDB/MySQL.
-- Instants are epoch milliseconds (BIGINT); JSON is text; keys are base64 text.

CREATE TABLE baton_session (
    handle               VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id              VARCHAR(255) NOT NULL,
    refresh_token_hash2  VARCHAR(64)  NOT NULL,
    session_data         TEXT         NOT NULL,
    access_token_payload TEXT         NOT NULL,
    created_at           BIGINT       NOT NULL,
    expires_at           BIGINT       NOT NULL
);

CREATE INDEX baton_session_user_idx ON baton_session (user_id);
CREATE INDEX baton_session_expires_idx ON baton_session (expires_at);

CREATE TABLE baton_signing_key (
    kid         VARCHAR(64)   NOT NULL PRIMARY KEY,
    algorithm   VARCHAR(16)   NOT NULL,
    public_key  VARCHAR(2048) NOT NULL,
    private_key VARCHAR(4096) NOT NULL,
    created_at  BIGINT        NOT NULL,
    sign_until  BIGINT        NOT NULL
);

CREATE TABLE baton_keyring (
    id                INTEGER     NOT NULL PRIMARY KEY,
    refresh_token_key VARCHAR(64)
);

INSERT INTO baton_keyring (id, refresh_token_key) VALUES (1, NULL);
