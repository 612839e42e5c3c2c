package org.impactledger.infra.axon;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the target aggregate of a command as Axon's {@link AnnotationCommandTargetResolver} does (the
 * first method, else the first field, annotated or meta-annotated with {@link TargetAggregateIdentifier},
 * and likewise {@link TargetAggregateVersion}), but looks for those members once per command class.
 *
 * <p>Axon's resolver searches every method and field of the command's class, and of its superclasses,
 * for both annotations on each command. Each look at a member's annotations copies its annotation
 * array; for a command without a version, which is all of the ledger's, the search never stops early.
 * At 1,000 commands/s that was 19 % of all the memory the ledger allocated, and it made the young
 * collections more frequent (JFR, bench/RESULTS.md, thirteenth session).
 */
public final class CachingCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Targets> targets = new ClassValue<>() {
        @Override
        protected Targets computeValue(Class<?> type) {
            return new Targets(Member.of(type, TargetAggregateIdentifier.class), Member.of(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Targets target = targets.get(command.getPayloadType());
        Object payload = command.getPayload();
        Object identifier;
        Long version;
        try {
            identifier = target.identifier() == null ? null : target.identifier().value(payload);
            version = target.version() == null ? null : asLong(target.version().value(payload));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of aggregate information from the given command.",
                    e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target aggregate. Make sure at least one of "
                            + "the fields or methods in the [%s] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        // the identifier as the command holds it (Axon turns it into a string where it needs one), as Axon's resolver does
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }

    /** The members of one command class that hold its target, {@code null} where it has none. */
    private record Targets(Member identifier, Member version) {
    }

    /** A method without parameters or a field, made accessible when found. */
    private record Member(Method method, Field field) {

        static Member of(Class<?> type, Class<? extends Annotation> annotation) {
            for (Method m : ReflectionUtils.methodsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(m, annotation)) {
                    return new Member(ReflectionUtils.ensureAccessible(m), null);
                }
            }
            for (Field f : ReflectionUtils.fieldsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(f, annotation)) {
                    return new Member(null, ReflectionUtils.ensureAccessible(f));
                }
            }
            return null;
        }

        Object value(Object payload) throws InvocationTargetException, IllegalAccessException {
            return method != null ? method.invoke(payload) : field.get(payload);
        }
    }
}
