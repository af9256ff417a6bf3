-- Refresh tokens name the version of the AES key that sealed them; a new key seals from seal_from
-- until seal_until, and opens its tokens until the last of them is dead (security review L12).
-- Tokens sealed with the single key of V1 carry no version: they stop opening, and their users
-- sign in again once (that key is dropped, so no secret stays behind in a column nothing reads).
CREATE TABLE baton_refresh_key (
    version    INTEGER      NOT NULL PRIMARY KEY,
    secret     VARCHAR(256) NOT NULL,
    created_at BIGINT       NOT NULL,
    seal_from  BIGINT       NOT NULL,
    seal_until BIGINT       NOT NULL
);

ALTER TABLE baton_keyring DROP COLUMN refresh_token_key;
