package org.stridelab.engine.data;

import java.nio.file.Path;

/**
 * Where StrideLab keeps datasets: {@code ~/.stridelab/datasets/} by default.
 *
 * <p>The system property {@code stridelab.home} replaces {@code ~/.stridelab}
 * (datasets then live in {@code <stridelab.home>/datasets/}), so tests, CI and
 * users with a small home folder can point everything elsewhere. Resolved on
 * every call, so a property set at run time takes effect.
 */
public final class DataHome {

    public static final String HOME_PROPERTY = "stridelab.home";
    /** Folder name of the default generated dataset; bump the version when the generator changes. */
    public static final String GENERATED_FOLDER_NAME = "generated-v1";

    private DataHome() {
    }

    /** The environment variable that sets the home where no {@code stridelab.home} property is given. */
    public static final String HOME_VARIABLE = "STRIDELAB_HOME";

    /** {@code stridelab.home}, else {@code $STRIDELAB_HOME} (clusters, containers), else {@code ~/.stridelab}. */
    public static Path root() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(HOME_VARIABLE);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim()).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".stridelab").toAbsolutePath();
    }

    /** The download cache and home of all datasets. */
    public static Path datasets() {
        return root().resolve("datasets");
    }

    /** Where the downloaded official archive lives. */
    public static Path cifarArchive() {
        return datasets().resolve(CifarLayout.ARCHIVE_NAME);
    }

    /** Where an unpacked CIFAR-10 folder is looked for (used in preference to the archive: faster). */
    public static Path cifarFolder() {
        return datasets().resolve(CifarLayout.FOLDER_NAME);
    }

    /** The default generated dataset's folder. */
    public static Path generatedFolder() {
        return datasets().resolve(GENERATED_FOLDER_NAME);
    }
}
