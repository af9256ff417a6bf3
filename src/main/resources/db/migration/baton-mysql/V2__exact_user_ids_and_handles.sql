-- MySQL compares text with the database's default collation, usually case-insensitive: 'Alice'
-- and 'alice' would be one user. Compare user ids and handles byte for byte (utf8mb4_0900_bin
-- has NO PAD, MySQL 8.0 and later), as PostgreSQL and H2 do.
ALTER TABLE baton_session
    MODIFY handle  VARCHAR(36)  CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin NOT NULL,
    MODIFY user_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin NOT NULL;
