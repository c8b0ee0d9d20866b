package org.datajoint.tck;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each suite method a {@link TckContext} and cleans it up afterwards. */
final class TckExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TckExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TckContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(TckContext.class,
                k -> new TckContext((TckTarget) context.getRequiredTestInstance()), TckContext.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TckContext tck = context.getStore(NS).remove(TckContext.class, TckContext.class);
        if (tck != null) {
            tck.cleanUp();
        }
    }
}
