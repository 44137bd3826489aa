package io.claribi.uploads.violations;

/** Counter-example: a class of the uploads context compiled into another module (here: the WAR). */
public final class UploadsClassShippedByTheWar {

  private UploadsClassShippedByTheWar() {}
}
