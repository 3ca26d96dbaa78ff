package org.stridelab.engine.model;

/** Sites for the two spectral methods; filled in when the spectral package lands. */
final class SpectralSites {
    private SpectralSites() {
    }

    static SiteFactory factory(ModelConfig config) {
        throw new UnsupportedOperationException(config.method().cliName() + " is not available yet");
    }
}
