package io.claribi.app.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * How to reach the customer's LDAP directory and read console users from it. Read from MicroProfile
 * Config ({@code claribi.console.ldap.*}, or the {@code CLARIBI_CONSOLE_LDAP_*} environment
 * variables); docs/operations.md describes every key. The service account's password never appears
 * in {@link #toString()}.
 */
record DirectorySettings(
    String url,
    boolean startTls,
    Optional<String> bindDn,
    Optional<String> bindPassword,
    LdapName userBase,
    String userFilter,
    String organizationAttribute,
    LdapName groupBase,
    String groupFilter,
    Optional<LdapName> adminGroup,
    Optional<LdapName> operatorGroup,
    Duration connectTimeout,
    Duration readTimeout) {

  static final String PREFIX = "claribi.console.ldap.";
  static final String URL = PREFIX + "url";

  /** The directory's settings, or none when {@code claribi.console.ldap.url} is not set. */
  static Optional<DirectorySettings> read(Function<String, Optional<String>> config) {
    Function<String, Optional<String>> value =
        key -> config.apply(PREFIX + key).map(String::strip).filter(text -> !text.isEmpty());
    Optional<String> url = value.apply("url");
    if (url.isEmpty()) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    for (String required : List.of("user-base", "group-base")) {
      if (value.apply(required).isEmpty()) {
        missing.add(PREFIX + required);
      }
    }
    if (value.apply("admin-group").isEmpty() && value.apply("operator-group").isEmpty()) {
      missing.add(PREFIX + "admin-group or " + PREFIX + "operator-group");
    }
    if (value.apply("bind-dn").isPresent() && config.apply(PREFIX + "bind-password").isEmpty()) {
      missing.add(PREFIX + "bind-password");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The console's LDAP directory is not fully configured, missing: "
              + String.join(", ", missing));
    }
    return Optional.of(
        new DirectorySettings(
            url.get(),
            value.apply("start-tls").map(Boolean::parseBoolean).orElse(false),
            value.apply("bind-dn"),
            config.apply(PREFIX + "bind-password"),
            dn(value.apply("user-base").get()),
            value.apply("user-filter").orElse("(uid={0})"),
            value.apply("organization-attribute").orElse("o"),
            dn(value.apply("group-base").get()),
            value.apply("group-filter").orElse("(member={0})"),
            value.apply("admin-group").map(DirectorySettings::dn),
            value.apply("operator-group").map(DirectorySettings::dn),
            value.apply("connect-timeout").map(Duration::parse).orElse(Duration.ofSeconds(5)),
            value.apply("read-timeout").map(Duration::parse).orElse(Duration.ofSeconds(10))));
  }

  static LdapName dn(String text) {
    try {
      return new LdapName(text);
    } catch (InvalidNameException e) {
      throw new IllegalStateException("Not a distinguished name: " + text, e);
    }
  }

  @Override
  public String toString() {
    return "directory "
        + url
        + (startTls ? " (StartTLS)" : "")
        + ", users under "
        + userBase
        + " as "
        + bindDn.orElse("anonymous");
  }
}
