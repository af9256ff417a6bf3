-- Where each session was started and when it was last refreshed, for the user's list of devices
-- (OWASP ASVS 7.4.3, 7.5.2). The client address is stored truncated or hashed as configured
-- (session.client-address), because it is personal data. None of it enters the access token.
ALTER TABLE baton_session ADD COLUMN refreshed_at BIGINT;
ALTER TABLE baton_session ADD COLUMN user_agent VARCHAR(256);
ALTER TABLE baton_session ADD COLUMN client_address VARCHAR(80);
ALTER TABLE baton_session ADD COLUMN device_name VARCHAR(100);

-- One row per user who ever logged in while session.max-sessions-per-user was set: the row that
-- concurrent logins of one user lock, on any server, so that they count and evict in turn. Keyed by
-- the SHA-256 of the user id (hex), which compares byte for byte under every collation.
CREATE TABLE baton_session_owner (
    owner_key VARCHAR(64) NOT NULL PRIMARY KEY
);
