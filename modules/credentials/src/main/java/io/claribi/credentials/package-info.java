/**
 * Credentials: the Fernet key ring read from a secret source outside application config, the
 * encrypted token sets of every connection and the client secrets of organizations' confidential
 * registrations (decision 22), and key rotation.
 *
 * <p>May use: {@code platform} (including the audit event contract). Tenant-scoped. Others use it
 * only through {@code api.CredentialVault} (token sets, per connection), {@code
 * api.ClientSecretVault} (client secrets, per authorization server) and {@code api.RevocationVault}
 * (the token of a deleted connection until its vendor has revoked it).
 *
 * <p>Invariants: no key in application config, and the application refuses to start without a
 * usable key; plaintext tokens exist only inside one {@code CredentialVault.use} callback, and
 * plaintext client secrets inside one {@code ClientSecretVault.use} callback, and tokens awaiting
 * revocation inside one {@code RevocationVault.use} callback, and are never logged; only {@code
 * control} touches the cipher and the key ring; a sealed token set opens only for the organization
 * and connection it was sealed for; {@code control.RotationLedger} is the one class that reads
 * every organization's ciphertext, and only to re-encrypt it.
 */
package io.claribi.credentials;
