package io.claribi.catalog.api;

/**
 * What one discovery changed in the catalog.
 *
 * @param listed tools the vendor listed
 * @param added tools seen for the first time (denied until an operator allows them)
 * @param changed tools whose fingerprint changed (blocked again if they were allowed)
 * @param unlisted tools the catalog knew that the vendor no longer lists
 */
public record DiscoveryOutcome(int listed, int added, int changed, int unlisted) {}
