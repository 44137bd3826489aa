package io.claribi.audit.boundary;

import java.util.List;

/** One page of events, oldest first; {@code next} is the {@code after} of the next page. */
public record EventPage(List<EventView> events, String next) {}
