package org.impactledger.infra.messaging;

/**
 * The serializable details of a refused command ({@code code} is an
 * {@link org.impactledger.core.shared.ErrorCode} name). Carried in a
 * {@link org.axonframework.commandhandling.CommandExecutionException}, so that the refusal keeps
 * its code and field when the command ran on another node (Axon Server) as well as locally.
 */
public record DomainError(String code, String field, String message) {
}
