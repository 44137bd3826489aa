package io.claribi.platform.api.console;

import java.util.Map;
import java.util.Set;

/**
 * The names people know the bound organization's connections by, for console pages of contexts that
 * hold only connection ids (the usage chart). Implemented by the context that owns connections; an
 * id it does not know (a connection since disconnected) is absent from the answer.
 */
public interface ConnectionLabels {

  Map<String, String> labels(Set<String> connectionIds);
}
