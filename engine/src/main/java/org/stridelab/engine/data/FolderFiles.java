package org.stridelab.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Dataset files lying in a folder; each is read in one bulk call when asked for. */
final class FolderFiles implements DatasetFiles {

    private final Path folder;

    FolderFiles(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    @Override
    public String where() {
        return folder.toString();
    }

    @Override
    public long size(String name) throws IOException {
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Files.size(file) : -1;
    }

    @Override
    public byte[] read(String name) throws IOException {
        try {
            return Files.readAllBytes(folder.resolve(name));
        } catch (NoSuchFileException e) {
            throw new DatasetException(name + " disappeared from " + folder + " while it was being read.", e);
        }
    }
}
