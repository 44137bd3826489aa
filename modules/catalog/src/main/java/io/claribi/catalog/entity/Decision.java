package io.claribi.catalog.entity;

/** What someone decided about one tool. A tool nobody decided about has no decision: pending. */
public enum Decision {
  ALLOW,
  DENY
}
