package org.impactledger.projections.rebuild;

/**
 * Where a read model stands: the position of its slowest segment in the event stream, the head of
 * the stream, how many events it is behind, and how far a running rebuild has come
 * ({@code progress} from 0 to 1, null when no rebuild ran since start-up).
 */
public record ProjectionStatus(String name, boolean running, boolean rebuilding, long position, long head, long behind,
                               Double progress, String error) {
}
