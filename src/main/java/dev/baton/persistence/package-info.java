/**
 * JPA entities and repositories. Only {@code jakarta.persistence} annotations are used, so any JPA
 * 3.1 provider works; Hibernate ORM is the one bundled. The schema is created by the Flyway
 * migrations under {@code src/main/resources/db/migration}, never by the provider.
 *
 * <p>Instants are stored as epoch milliseconds in {@code BIGINT} columns: the same on H2,
 * PostgreSQL and MariaDB, with no time-zone conversion anywhere.
 */
package dev.baton.persistence;
