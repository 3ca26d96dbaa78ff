package org.stridelab.engine.model;

import org.stridelab.engine.spectral.DiffStride;

/**
 * Sites for the two spectral methods, placed as in the reference layout: the
 * convolutions run at stride 1 and a pooling layer follows them. The stem gets
 * one too (initial stride 1) for DiffStride, which may learn to raise it;
 * fixed spectral pooling at stride 1 is exactly the identity, so the fixed
 * method leaves the stem alone rather than spend two GEMMs on a copy.
 */
final class SpectralSites {
    private SpectralSites() {
    }

    static SiteFactory factory(ModelConfig config) {
        boolean learned = config.method() == DownsamplingMethod.DIFFSTRIDE;
        DiffStride.Options options = config.diffStride();
        return new SiteFactory() {
            @Override
            public DownsamplingSite stem(String name) {
                return learned ? SpectralDownsamplingSite.learned(name, 1, 1, options) : null;
            }

            @Override
            public DownsamplingSite stage(String name, double stride) {
                return learned ? SpectralDownsamplingSite.learned(name, stride, stride, options)
                        : SpectralDownsamplingSite.fixed(name, stride, stride);
            }
        };
    }
}
