package io.claribi.credentials.api;

/** What a caller does with a lent credential: typically one vendor call. */
@FunctionalInterface
public interface CredentialUse<T, X extends Exception> {

  T apply(Credential credential) throws X;
}
