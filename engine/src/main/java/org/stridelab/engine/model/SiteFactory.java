package org.stridelab.engine.model;

/** Makes the downsampling sites of one network, for one method. */
public interface SiteFactory {

    /** The site after the stem conv, or null when the method does not pool there. */
    DownsamplingSite stem(String name);

    /** The site of the first block of a downsampling stage, at its initial stride. */
    DownsamplingSite stage(String name, double stride);

    /** The factory for the method a configuration names. */
    static SiteFactory forConfig(ModelConfig config) {
        return switch (config.method()) {
            case STRIDED -> new SiteFactory() {
                @Override
                public DownsamplingSite stem(String name) {
                    return null;
                }

                @Override
                public DownsamplingSite stage(String name, double stride) {
                    return StridedSite.of(stride);
                }
            };
            case SPECTRAL, DIFFSTRIDE -> SpectralSites.factory(config);
        };
    }
}
