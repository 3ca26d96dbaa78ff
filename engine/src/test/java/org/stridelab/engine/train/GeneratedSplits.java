package org.stridelab.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.data.DatasetSplits;

/**
 * A small generated dataset for a test class, written through the real file
 * format and reader before its tests and deleted after them:
 * {@code @RegisterExtension static final GeneratedSplits DATA = new GeneratedSplits(256, 100);}.
 * Also sets ND4J's default types to float, as the lab runs.
 */
public final class GeneratedSplits implements BeforeAllCallback, AfterAllCallback {
    private final int train;
    private final int test;
    private Path folder;
    private DatasetSplits splits;

    public GeneratedSplits(int train, int test) {
        this.train = train;
        this.test = test;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        folder = Files.createTempDirectory("stridelab-data");
        splits = TestData.generated(folder, train, test);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public DatasetSplits splits() {
        return splits;
    }

    /** The dataset's folder, as {@code --data} takes it. */
    public Path folder() {
        return folder;
    }
}
