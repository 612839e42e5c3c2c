package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.impactledger.core.fund.command.CallCapital;
import org.impactledger.core.shared.FundId;
import org.junit.jupiter.api.Test;

/** The resolver that looks once per command class finds the same targets, and refuses the same commands, as Axon's. */
class CachingCommandTargetResolverTest {

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver caching = new CachingCommandTargetResolver();

    record RecordCommand(@TargetAggregateIdentifier String fundId, String other) {
    }

    record VersionedCommand(@TargetAggregateIdentifier FundId fundId, @TargetAggregateVersion Long version) {
    }

    record TextVersionCommand(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static class FieldCommand {
        @TargetAggregateIdentifier
        private final String id;

        FieldCommand(String id) {
            this.id = id;
        }
    }

    static class InheritedFieldCommand extends FieldCommand {
        InheritedFieldCommand(String id) {
            super(id);
        }
    }

    static class MethodCommand {
        @TargetAggregateIdentifier
        String target() {
            return "from-method";
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD})
    @TargetAggregateIdentifier
    @interface Routed {
    }

    record MetaAnnotatedCommand(@Routed String id) {
    }

    record NoTargetCommand(String id) {
    }

    @Test
    void finds_the_same_identifier_and_version_as_axon() {
        List<Object> commands = List.of(new RecordCommand("F-1", "x"), new VersionedCommand(FundId.of("F-2"), 7L),
                new VersionedCommand(FundId.of("F-3"), null), new TextVersionCommand("A-1", "12"), new FieldCommand("field-id"),
                new InheritedFieldCommand("inherited-id"), new MethodCommand(), new MetaAnnotatedCommand("meta-id"),
                new CallCapital(FundId.of("F-TORINO"), null, null, null, null));
        for (Object command : commands) {
            VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier actual = caching.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(actual).as(command.toString()).isEqualTo(expected);
            // the second time from what the first one found
            assertThat(caching.resolveTarget(GenericCommandMessage.asCommandMessage(command))).isEqualTo(expected);
        }
        VersionedAggregateIdentifier versioned = caching.resolveTarget(GenericCommandMessage.asCommandMessage(new VersionedCommand(FundId.of("F-2"), 7L)));
        assertThat(versioned.getIdentifier()).isEqualTo("F-2");
        assertThat(versioned.getVersion()).isEqualTo(7L);
    }

    @Test
    void refuses_a_command_without_target_or_with_a_null_one_as_axon_does() {
        for (Object command : List.of(new NoTargetCommand("x"), new RecordCommand(null, "x"))) {
            assertThatThrownBy(() -> axon.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                    .isInstanceOf(IllegalArgumentException.class);
            String message = catchMessage(() -> axon.resolveTarget(GenericCommandMessage.asCommandMessage(command)));
            assertThatThrownBy(() -> caching.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }
        assertThatThrownBy(() -> caching.resolveTarget(GenericCommandMessage.asCommandMessage(new TextVersionCommand("A-1", "twelve"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value provided for the version is not a number.");
    }

    private static String catchMessage(Runnable call) {
        try {
            call.run();
            throw new AssertionError("no exception");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
