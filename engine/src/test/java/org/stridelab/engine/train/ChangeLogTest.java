package org.stridelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.config.Settings;

class ChangeLogTest {
    @Test
    void changesRoundTripInOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("changes.csv");
        assertEquals(List.of(), ChangeLog.read(file), "no file: no changes");
        LiveChange a = new LiveChange(12, Settings.LEARNING_RATE, 0.012345678901234, 12);
        LiveChange b = new LiveChange(40, Settings.MIXUP, 0.2, 43);
        ChangeLog.append(file, a);
        ChangeLog.append(file, b);
        assertEquals(List.of(a, b), ChangeLog.read(file), "values round-trip exactly");
        assertEquals(ChangeLog.HEADER, Files.readAllLines(file).get(0));
    }

    @Test
    void aRowCutShortByACrashIsIgnoredAndDamageIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("changes.csv");
        ChangeLog.append(file, new LiveChange(3, Settings.WEIGHT_DECAY, 0.0, 3));
        Files.writeString(file, "9,smooth", StandardOpenOption.APPEND);
        assertEquals(1, ChangeLog.read(file).size());
        Files.writeString(file, "ness,2.0,9\n4,momentum,0.5,4\n", StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> ChangeLog.read(file));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("'momentum'"), e.getMessage());
    }
}
