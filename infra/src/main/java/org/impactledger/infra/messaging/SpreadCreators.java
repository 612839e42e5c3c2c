package org.impactledger.infra.messaging;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.module.SimpleModule;

/**
 * A Jackson 3 module: the ledger's own classes (package {@code org.impactledger}) are constructed from
 * their JSON properties through a method handle that spreads the argument array, made once per class.
 *
 * <p>Why: Jackson 3.1 calls a class's constructor with properties (every event, command and request
 * record of the ledger) through {@code MethodHandle.invokeWithArguments}, and on Java 17 that builds a
 * new spreading invoker on every call. In a profile of the start-up build of a 209,280-event store it
 * was 56 of the read models' and audit chain's 2,151 samples, 31 of them making the invoker
 * (bench/RESULTS.md, "twenty-first session").
 *
 * <p>Nothing else changes: the same constructor runs with the same arguments, and what it throws is
 * reported as Jackson reports it ({@code StdValueInstantiator}: an exception goes through the context's
 * instantiation problem handling, an error propagates). A class whose creator is a factory method, or whose
 * constructor cannot be reached, keeps Jackson's instantiator. {@code SpreadCreatorsTest} holds the two
 * to the same objects and the same refusals.
 */
public final class SpreadCreators extends SimpleModule {

    private static final String LEDGER_PACKAGES = "org.impactledger.";

    public SpreadCreators() {
        super("ledger-spread-creators");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addValueInstantiators(new ValueInstantiators() {
            @Override
            public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean) {
                return null;
            }

            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean,
                                                             ValueInstantiator instantiator) {
                if (instantiator.getClass() == StdValueInstantiator.class && bean.getBeanClass().getName().startsWith(LEDGER_PACKAGES)) {
                    return new Spreading((StdValueInstantiator) instantiator);
                }
                return instantiator;
            }
        });
    }

    /** Jackson's instantiator, calling the constructor with properties through a spreading handle made on first use. */
    static final class Spreading extends StdValueInstantiator {

        /** The constructor as {@code (Object[]) -> Object}; {@link #NONE} when it cannot be made. */
        private volatile MethodHandle spreader;

        private static final MethodHandle NONE = MethodHandles.constant(Object.class, null);

        Spreading(StdValueInstantiator jacksons) {
            super(jacksons);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] args) {
            MethodHandle handle = spreader();
            if (handle == NONE) {
                return super.createFromObjectWith(context, args);
            }
            try {
                return (Object) handle.invokeExact(args);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                return context.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(context, e));
            }
        }

        /** Whether the constructor is called through the spreading handle (else through Jackson's own call). */
        boolean spreads() {
            return spreader() != NONE;
        }

        private MethodHandle spreader() {
            MethodHandle handle = spreader;
            if (handle == null) {
                handle = NONE;
                AnnotatedWithParams creator = getWithArgsCreator();
                if (creator instanceof AnnotatedConstructor constructor) {
                    Constructor<?> target = constructor.getAnnotated();
                    try {
                        int arity = target.getParameterCount();
                        handle = MethodHandles.lookup().unreflectConstructor(target)
                                .asType(MethodType.genericMethodType(arity))
                                .asSpreader(Object[].class, arity);
                    } catch (IllegalAccessException e) {
                        handle = NONE;
                    }
                }
                spreader = handle;
            }
            return handle;
        }
    }
}
