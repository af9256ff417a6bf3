/**
 * The demo application: a password-less login and a few protected resources, written the way an
 * application uses Baton. Served only when {@code session.demo.enabled=true}; left out of the
 * classes jar that other WARs depend on.
 */
package dev.baton.demo;
