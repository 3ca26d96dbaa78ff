package org.stridelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code bench --compare} against stand-in peer scripts that print what the real ones print. */
class BenchCompareTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private Path peers(String pythonScriptBody) throws Exception {
        Path dir = console.home().resolve("bench");
        Files.createDirectories(dir.resolve("pytorch-python"));
        Files.writeString(dir.resolve("pytorch-python/run.sh"), "#!/usr/bin/env bash\n" + pythonScriptBody + "\n");
        return dir;
    }

    private static String[] tiny(Path peers, String... more) {
        String[] base = {"bench", "--compare", "--peers", peers.toString(), "--methods", "strided", "--widths",
            "0.0625", "--batch", "4", "--steps", "1", "--warmup", "0", "--pairs", "2"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void eachPairAlternatesTheLabAndThePeerAndTheRatiosAreSummed() throws Exception {
        Path dir = peers("echo \"args: $*\"; echo \"TORCH-DS method=$1 width=$2 batch=$4 step median 5000 ms -> 1 img/s\"");
        assertEquals(0, StrideLabCommand.execute(tiny(dir)), console.errText());
        String out = console.outText();
        assertTrue(out.contains("peer DJL PyTorch: not found") && out.contains("comparing without it"), out);
        assertTrue(out.contains("pair 1: StrideLab") && out.contains("pair 2: StrideLab"), out);
        assertTrue(out.contains("Python PyTorch 5000 ms -> ratio"), out);
        assertTrue(out.contains("strided width 0.0625 vs Python PyTorch: median ratio")
                && out.contains("over 2 pairs"), out);
    }

    @Test
    void withoutAnyPeerItSaysWhereItLooked() {
        Path nowhere = console.home().resolve("no-bench");
        assertEquals(StrideLabCommand.RUN_FAILED, StrideLabCommand.execute(tiny(nowhere)));
        assertTrue(console.outText().contains("no peer program found in " + nowhere), console.outText());
    }

    @Test
    void aPeerThatFailsIsNamedWithItsLastOutput() throws Exception {
        Path dir = peers("echo 'torch is not installed'; exit 3");
        assertEquals(StrideLabCommand.RUN_FAILED, StrideLabCommand.execute(tiny(dir)));
        assertTrue(console.errText().contains("Python PyTorch") && console.errText().contains("exit code 3")
                && console.errText().contains("torch is not installed"), console.errText());
    }

    @Test
    void bothPeersMedianLinesAreRead() {
        assertEquals(262.0, BenchPeer.lastMedian("warmup step 0: 900 ms\nPYTORCH RESNET18 mult=0.250 step median "
                + "262 ms mean 270 ms min 250 ms -> 488.5 img/s (median); epoch(50k) ~ 102 s").getAsDouble());
        assertEquals(3046.0, BenchPeer.lastMedian("TORCH-DS method=strided width=1.0 batch=128 step median 3046 ms "
                + "-> 42.0 img/s").getAsDouble());
        assertTrue(BenchPeer.lastMedian("Traceback: ...").isEmpty());
    }
}
