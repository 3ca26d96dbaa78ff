package org.stridelab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class HostKernelsTest {
    @Test
    void theKernelsRunOnlyOnACpuBackendUnlessSwitchedOff() {
        assertTrue(HostKernels.decide(null, true));
        assertTrue(HostKernels.decide("auto", true));
        assertFalse(HostKernels.decide(null, false), "never on a GPU backend");
        assertFalse(HostKernels.decide("auto", false));
        assertFalse(HostKernels.decide("OFF", true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostKernels.decide("fast", true));
        assertTrue(e.getMessage().contains("-Dstridelab.hostKernels=fast"), e.getMessage());
    }

    @Test
    void thisJvmFollowsItsProperty() {
        // The build runs the layer tests twice: once as is, once with -Dstridelab.hostKernels=off.
        boolean off = "off".equals(System.getProperty(HostKernels.PROPERTY));
        assertEquals(!off && Nd4j.getEnvironment().isCPU(), HostKernels.enabled(), HostKernels.describe());
    }
}
