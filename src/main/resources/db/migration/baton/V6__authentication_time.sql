-- When the session's user last proved who they are (OIDC auth_time): the login that created the
-- session, or a later re-authentication the application recorded. Epoch milliseconds, like
-- created_at; existing sessions take their creation time.
ALTER TABLE baton_session ADD COLUMN auth_time BIGINT DEFAULT 0 NOT NULL;
UPDATE baton_session SET auth_time = created_at;
