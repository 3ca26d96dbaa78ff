package org.stridelab.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stridelab.engine.data.CifarDownloader;
import org.stridelab.engine.data.DataHome;
import picocli.CommandLine.Command;

/** {@code stridelab download}: fetch and verify the CIFAR-10 binary archive into the cache. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download cifar-10-binary.tar.gz (170 MB) into the StrideLab cache and verify its checksum.")
final class DownloadCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.out, 1);
        Path archive = new CifarDownloader().download(progress::download);
        System.out.println("CIFAR-10 is ready: " + archive + " (in " + DataHome.datasets() + ")");
        return 0;
    }
}
