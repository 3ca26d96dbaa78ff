package org.stridelab.engine.nn;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code @ExtendWith(DoublePrecision.class)}: the test class builds its
 * arrays in double precision (finite-difference gradient checks need it),
 * and the defaults it found are put back after it, so that the classes that
 * run after it in the same JVM are not silently in double precision too.
 */
public final class DoublePrecision implements BeforeAllCallback, AfterAllCallback {
    private DataType data;
    private DataType floating;

    @Override
    public void beforeAll(ExtensionContext context) {
        data = Nd4j.dataType();
        floating = Nd4j.defaultFloatingPointType();
        GradientCheck.useDoublePrecision();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Nd4j.setDefaultDataTypes(data, floating);
    }
}
