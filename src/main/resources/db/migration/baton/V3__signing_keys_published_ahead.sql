-- A signing key is created, and published in the JWKS, before it signs: it signs from sign_from
-- until sign_until (security review L2). Keys that existed before signed from their creation.
ALTER TABLE baton_signing_key ADD COLUMN sign_from BIGINT DEFAULT 0 NOT NULL;
UPDATE baton_signing_key SET sign_from = created_at;
