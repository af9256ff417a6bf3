-- MariaDB compares text with the database's default collation, usually case-insensitive and
-- blind to trailing spaces (utf8mb4_general_ci, PAD SPACE): 'Alice', 'alice' and 'alice ' would be
-- one user. Compare user ids and handles byte for byte, as PostgreSQL and H2 do.
ALTER TABLE baton_session
    MODIFY handle  VARCHAR(36)  CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    MODIFY user_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;
