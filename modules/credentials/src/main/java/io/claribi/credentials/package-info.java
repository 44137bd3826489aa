/**
 * Credentials: the Fernet key ring read from a secret source outside application config, the
 * encrypted token sets of every connection, and key rotation.
 *
 * <p>May use: {@code platform}. Tenant-scoped.
 *
 * <p>Invariants: no key in application config; the application refuses to start without a key;
 * plaintext tokens exist only for the length of one vendor call and are never logged.
 */
package io.claribi.credentials;
