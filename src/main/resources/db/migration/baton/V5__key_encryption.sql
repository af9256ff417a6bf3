-- Envelope encryption of the private signing keys and the refresh-token keys (security review M4):
-- the id of the key-encryption key that wraps every key row, or NULL while they are stored in clear.
ALTER TABLE baton_keyring ADD COLUMN key_encryption_key_id VARCHAR(32);
