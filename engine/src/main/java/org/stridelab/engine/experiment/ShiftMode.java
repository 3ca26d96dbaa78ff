package org.stridelab.engine.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What fills the pixels a shift uncovers.
 *
 * <p>{@link #CIRCULAR} is the probe's default: the image wraps around, so no
 * content leaves the frame and nothing new enters it; a changed prediction can
 * then only come from the network's own sampling (aliasing in its strides),
 * which is what strided and spectral downsampling differ in. It is also the
 * shift under which a DFT crop is exact. {@link #ZERO} fills with black raw
 * pixels, like the 4-pixel padding of the training crop, and so also measures
 * robustness to lost border content.
 */
public enum ShiftMode {
    CIRCULAR,
    ZERO;

    @JsonValue
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ShiftMode parse(String text) {
        for (ShiftMode m : values()) {
            if (text != null && m.cliName().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown shift mode '" + text + "': use circular or zero");
    }
}
