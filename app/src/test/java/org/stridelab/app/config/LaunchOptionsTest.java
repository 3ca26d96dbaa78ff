package org.stridelab.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void formFieldsAndNavigationAreTakenAndNothingElse() {
        LaunchOptions o = LaunchOptions.from(Map.of("method", "diffstride", "batch", "64", "tab", "compare",
                "schedule", "cosine", "widht", "1"), List.of("--autostart"));
        assertEquals(Map.of("method", "diffstride", "batch", "64"), o.fields());
        assertTrue(o.autostart());
        assertEquals("compare", o.tab());
    }

    @Test
    void ignoredOptionsAreNamedWithWhy() {
        List<String> ignored = LaunchOptions.ignored(Map.of("method", "strided", "runs", "/tmp/r",
                "schedule", "cosine", "widht", "1"));
        assertEquals(2, ignored.size(), ignored.toString());
        assertTrue(ignored.get(0).startsWith("--schedule: not a field of the window's form"), ignored.get(0));
        assertTrue(ignored.get(0).endsWith("stridelab train takes it"), ignored.get(0));
        assertEquals("--widht: not a setting of the lab", ignored.get(1));
    }
}
