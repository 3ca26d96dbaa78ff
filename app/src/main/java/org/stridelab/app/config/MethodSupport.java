package org.stridelab.app.config;

import org.stridelab.engine.config.Settings;

import java.util.EnumMap;
import java.util.Map;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.model.SiteFactory;
import org.stridelab.engine.config.RunConfig;

/**
 * Asks the engine whether it can build a network for a method (while the
 * spectral methods are being wired in, an engine build may not support them
 * yet). Creating the site factory is cheap and builds no network; the answer
 * is cached per method.
 */
public final class MethodSupport {
    private static final Map<DownsamplingMethod, String> PROBLEMS = new EnumMap<>(DownsamplingMethod.class);

    private MethodSupport() {
    }

    /** Null when the engine supports the method, else why not (in the engine's words). */
    public static synchronized String problem(DownsamplingMethod method) {
        if (method == null) {
            return null;
        }
        return PROBLEMS.computeIfAbsent(method, MethodSupport::probe);
    }

    public static boolean supported(DownsamplingMethod method) {
        return problem(method) == null || problem(method).isEmpty();
    }

    private static String probe(DownsamplingMethod m) {
        try {
            SiteFactory.forConfig(RunConfig.builder().set(Settings.METHOD, m).set(Settings.WIDTH, 0.125).build().modelConfig());
            return "";
        } catch (UnsupportedOperationException e) {
            return "method " + m.cliName() + " is not available in this engine build yet ("
                    + e.getMessage() + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
