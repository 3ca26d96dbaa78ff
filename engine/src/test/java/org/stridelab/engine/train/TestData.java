package org.stridelab.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import org.stridelab.engine.data.CifarBinaryReader;
import org.stridelab.engine.data.DatasetSplits;
import org.stridelab.engine.data.GeneratedDataset;

/** Small generated datasets for training tests, written through the real file format and reader. */
public final class TestData {
    private TestData() {
    }

    public static DatasetSplits generated(Path dir, int train, int test) throws IOException {
        GeneratedDataset.ensure(dir, train, test, 11);
        return DatasetSplits.of(CifarBinaryReader.read(dir));
    }
}
