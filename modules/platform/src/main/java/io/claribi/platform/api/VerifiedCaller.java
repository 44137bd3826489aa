package io.claribi.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.security.enterprise.SecurityContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and for which organization, read only from the verified identity: the MicroProfile
 * JWT of an API call, or else the {@link ConsolePrincipal} of a console sign-in.
 *
 * <p>This is the single place that reads the {@code org} claim and the console user's organization;
 * nothing in the product takes an organization id from a path, query, header or body for tenant
 * data. A bearer token wins over a console session, and the REST API accepts only the token ({@link
 * #hasBearerToken}), so a browser's console session cannot call the API.
 */
@RequestScoped
public class VerifiedCaller {

  private JsonWebToken token;
  private TokenClaimNames claims = TokenClaimNames.DEFAULT;
  private PublishedSigningKeys signingKeys = PublishedSigningKeys.none();
  private Boolean signedByAPublishedKey; // once per request
  private SecurityContext security;
  private Instance<ConsoleUsers> consoleUsers;
  private boolean bearerTokenOnly;
  private Optional<ConsolePrincipal> lookedUp; // once per request: a directory may be remote

  /**
   * Once per request: reading a claim that is not a standard one makes the MicroProfile JWT
   * implementation build and throw an exception (Claims.valueOf), 2.5 % of a tool call's CPU.
   */
  private Optional<String> organizationClaim;

  private boolean identityClaimsValid;

  private Set<String> groups; // once per request, like the organization claim

  protected VerifiedCaller() {
    // for the CDI proxy
  }

  /** A caller known by token only (tests, and code that never runs behind the console). */
  public VerifiedCaller(JsonWebToken token) {
    this(token, TokenClaimNames.DEFAULT);
  }

  /** The same, with the claim names an identity provider uses. */
  public VerifiedCaller(JsonWebToken token, TokenClaimNames claims) {
    this(token, null, null, claims, PublishedSigningKeys.none());
  }

  /** A caller of a request, with the product's default claim names. */
  public VerifiedCaller(
      JsonWebToken token, SecurityContext security, Instance<ConsoleUsers> consoleUsers) {
    this(token, security, consoleUsers, TokenClaimNames.DEFAULT, PublishedSigningKeys.none());
  }

  @Inject
  public VerifiedCaller(
      JsonWebToken token,
      SecurityContext security,
      Instance<ConsoleUsers> consoleUsers,
      TokenClaimNames claims,
      PublishedSigningKeys signingKeys) {
    this.token = token;
    this.security = security;
    this.consoleUsers = consoleUsers;
    this.claims = claims;
    this.signingKeys = signingKeys;
  }

  /** The caller's organization, or a 401 problem when the token carries none (or a bad one). */
  public OrganizationId organization() {
    if (!hasBearerToken()) {
      Optional<ConsolePrincipal> console = consolePrincipal();
      if (console.isPresent()) {
        return console.get().organization();
      }
    }
    String claim =
        organizationClaim()
            .orElseThrow(
                () ->
                    new NoOrganizationBoundException(
                        "The bearer token carries no '" + claims.organization() + "' claim."));
    if (!OrganizationId.isValid(claim)) {
      throw new ProblemException(
          401,
          "ORGANIZATION_CLAIM_INVALID",
          "Invalid organization claim",
          "The '"
              + claims.organization()
              + "' claim of the bearer token is not a valid organization id.");
    }
    return new OrganizationId(claim);
  }

  /**
   * The raw organization claim ({@code org} unless configured), if the token has one as a string.
   */
  public Optional<String> organizationClaim() {
    if (!hasBearerToken()) {
      return Optional.empty();
    }
    if (organizationClaim == null) {
      organizationClaim = Optional.ofNullable(stringClaim(claims.organization()));
    }
    return organizationClaim;
  }

  /**
   * Refuses, with 401 {@code TOKEN_CLAIM_INVALID}, a bearer token whose identity claims (those that
   * can become the actor of a record, and the groups) break {@link IdentityClaims}. A caller
   * without a bearer token passes: console sign-in names are checked where they sign in.
   */
  public void requireValidIdentityClaims() {
    if (identityClaimsValid || !hasBearerToken()) {
      return;
    }
    IdentityClaims.firstInvalid(
            token.getSubject(), stringClaim("upn"), stringClaim("preferred_username"), groups())
        .ifPresent(
            claim -> {
              throw IdentityClaims.invalid(claim);
            });
    identityClaimsValid = true; // the token does not change within a request
  }

  private String stringClaim(String name) {
    Object claim = token.getClaim(name);
    if (claim instanceof JsonString json) {
      return json.getString();
    }
    return claim instanceof String text ? text : null;
  }

  /**
   * The configured groups claim, as strings. Liberty's role checks ({@code @RolesAllowed}) read the
   * same claim (server.xml's {@code groupNameAttribute}); a value that is not an array of strings
   * grants nothing.
   */
  private Set<String> groups() {
    if (groups == null) {
      Object claim = token.getClaim(claims.groups());
      Collection<?> values = claim instanceof Collection<?> many ? many : List.of();
      Set<String> names = new HashSet<>();
      for (Object value : values) { // a JSON array is a Collection of JsonValue
        if (value instanceof JsonString json) {
          names.add(json.getString());
        } else if (value instanceof String text) {
          names.add(text);
        }
      }
      groups = Set.copyOf(names);
    }
    return groups;
  }

  /** The acting user: the token's subject, as recorded in audit trails and plan history. */
  public String actor() {
    if (!hasBearerToken()) {
      return consolePrincipal()
          .map(ConsolePrincipal::getName)
          .orElseThrow(
              () ->
                  new ProblemException(
                      401,
                      "AUTHENTICATION_REQUIRED",
                      "Authentication required",
                      "A bearer token is required."));
    }
    requireValidIdentityClaims(); // the filter checked already; kept here for non-REST callers
    String subject = token.getSubject();
    return subject != null ? subject : token.getName();
  }

  public boolean isInRole(String role) {
    if (!hasBearerToken()) {
      return consolePrincipal().map(p -> p.groups().contains(role)).orElse(false);
    }
    return groups().contains(role);
  }

  /**
   * From now until the request ends only the bearer token counts: a console session the browser
   * also sends is not a caller. The REST API says so for every request it serves, open ones
   * included: the vendor's redirect to the connect callback arrives in the admin's browser with the
   * console's cookies, and must be handled as the same anonymous request with or without them.
   */
  public void acceptBearerTokenOnly() {
    bearerTokenOnly = true;
  }

  /** A verified bearer token or a console sign-in. */
  public boolean isAuthenticated() {
    return hasBearerToken() || consolePrincipal().isPresent();
  }

  /** A verified bearer token: the only credential the REST API accepts. */
  public boolean hasBearerToken() {
    // No caller, no token; asking Liberty's token proxy on a thread without one logs CWWKS5604E.
    if (security != null && security.getCallerPrincipal() == null) {
      return false;
    }
    if (token == null || token.getRawToken() == null) {
      return false;
    }
    // Liberty verified the signature with a key it fetched once and keeps; the provider may have
    // removed that key since (PublishedSigningKeys, decision 49).
    if (signedByAPublishedKey == null) {
      signedByAPublishedKey = signingKeys.stillPublished(token.getRawToken());
    }
    return signedByAPublishedKey;
  }

  /**
   * The console user signed in for this request, if any: the name the container authenticated (form
   * sign-in, then its single sign-on cookie), looked up in the console's identity source. Liberty
   * does not keep a custom principal past the sign-in request, so the lookup is by name.
   */
  private Optional<ConsolePrincipal> consolePrincipal() {
    if (bearerTokenOnly || security == null || security.getCallerPrincipal() == null) {
      return Optional.empty();
    }
    Optional<ConsolePrincipal> kept =
        security.getPrincipalsByType(ConsolePrincipal.class).stream().findFirst();
    if (kept.isPresent() || consoleUsers == null || consoleUsers.isUnsatisfied()) {
      return kept;
    }
    if (lookedUp == null) {
      lookedUp = lookUp(security.getCallerPrincipal().getName());
    }
    return lookedUp;
  }

  /**
   * The one console identity source that knows the name (development users, the customer's
   * directory). A name two sources know is nobody's: which one checked the password cannot be told
   * afterwards, and the other might carry a different organization.
   */
  private Optional<ConsolePrincipal> lookUp(String name) {
    List<ConsolePrincipal> known =
        consoleUsers.stream().map(users -> users.find(name)).flatMap(Optional::stream).toList();
    return known.size() == 1 ? Optional.of(known.get(0)) : Optional.empty();
  }
}
