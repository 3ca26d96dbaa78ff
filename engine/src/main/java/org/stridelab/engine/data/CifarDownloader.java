package org.stridelab.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * Downloads the CIFAR-10 binary archive into the dataset cache, safely.
 *
 * <ul>
 *   <li>Bytes go to {@code cifar-10-binary.tar.gz.part}; the archive appears under its
 *       real name (an atomic rename) only once its MD5 matches, so the cache never holds
 *       a half or corrupt archive under the name the reader looks for.</li>
 *   <li>A left-over .part is resumed with an HTTP Range request; a server that ignores
 *       Range (answers 200) is downloaded again from zero.</li>
 *   <li>Cancelling (the supplier turns true, or the thread is interrupted) stops between
 *       chunks and keeps the .part, which only ever holds a correct prefix, for resuming.</li>
 * </ul>
 */
public final class CifarDownloader {

    private static final int CHUNK_BYTES = 1 << 16;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** Time to wait for the response headers; the body may take as long as it takes. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** A restart (server ignored our Range, or the .part was bad) is tried once. */
    private static final int MAX_ATTEMPTS = 2;

    private final URI uri;
    private final String expectedMd5;
    private final Path cacheFolder;
    /** Made on first use: an HttpClient starts a selector thread, and most callers never download. */
    private HttpClient client;

    /** System property naming a mirror of the archive (a lecture hall's local server, say). */
    public static final String MIRROR_PROPERTY = "stridelab.cifar10.url";
    /** System property with the mirror's MD5, for a mirror serving another file (tests). */
    public static final String MIRROR_MD5_PROPERTY = "stridelab.cifar10.md5";

    /**
     * The official archive (or the mirror named by {@value #MIRROR_PROPERTY})
     * into {@link DataHome#datasets()}.
     */
    public CifarDownloader() {
        this(URI.create(System.getProperty(MIRROR_PROPERTY, CifarLayout.OFFICIAL_URI.toString())),
                System.getProperty(MIRROR_MD5_PROPERTY, CifarLayout.OFFICIAL_MD5), DataHome.datasets());
    }

    /**
     * @param uri         where to download from (tests serve a small archive locally)
     * @param expectedMd5 hex MD5 the file must have
     * @param cacheFolder where the archive is kept, as {@value CifarLayout#ARCHIVE_NAME}
     */
    public CifarDownloader(URI uri, String expectedMd5, Path cacheFolder) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.expectedMd5 = Objects.requireNonNull(expectedMd5, "expectedMd5").toLowerCase(Locale.ROOT);
        this.cacheFolder = cacheFolder.toAbsolutePath();
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return client;
    }

    /** Where the verified archive ends up. */
    public Path archivePath() {
        return cacheFolder.resolve(CifarLayout.ARCHIVE_NAME);
    }

    /** Where bytes are written until the checksum matches. */
    public Path partPath() {
        return cacheFolder.resolve(CifarLayout.ARCHIVE_NAME + ".part");
    }

    /** Downloads (or resumes) unless the archive is already in place; cancel by interrupting the thread. */
    public Path download(DownloadProgress progress) {
        return download(progress, () -> false);
    }

    /**
     * Downloads (or resumes) unless the archive is already in place.
     *
     * @param progress  told about every chunk
     * @param cancelled polled between chunks; true stops the download (as does a thread interrupt)
     * @return the verified archive
     * @throws DownloadCancelledException if cancelled (the .part is kept for resuming)
     * @throws DatasetException           if the server cannot be reached, fails, or sends a corrupt file
     */
    public Path download(DownloadProgress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        Path target = archivePath();
        if (Files.isRegularFile(target)) {
            // Either verified by us earlier or placed by hand; the reader checks every record anyway.
            return target;
        }
        try {
            Files.createDirectories(cacheFolder);
        } catch (IOException e) {
            throw new DatasetException("Cannot create the dataset folder " + cacheFolder + " (" + e
                    + "). Check its permissions, or set -D" + DataHome.HOME_PROPERTY + "=<a writable folder>.", e);
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (attemptDownload(progress, cancelled)) {
                return target;
            }
        }
        throw new DatasetException("The server at " + uri + " did not resume the download consistently, even from "
                + "zero. Try again later, or " + manualPlacement());
    }

    /** One request. True when the archive is in place, false when it should be restarted from zero. */
    private boolean attemptDownload(DownloadProgress progress, BooleanSupplier cancelled) {
        Path part = partPath();
        checkCancelled(cancelled, part);
        long have = sizeOrZero(part);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(request.build(), part);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            long total;
            boolean append;
            if (status == 206 && have > 0) {
                OptionalLong start = ContentRange.start(response);
                if (start.isEmpty() || start.getAsLong() != have) {
                    deleteQuietly(part); // the server answered a different range: trust nothing, restart
                    return false;
                }
                total = ContentRange.total(response).orElse(contentLength(response, have));
                append = true;
            } else if (status == 200) {
                total = contentLength(response, 0); // a fresh start, also when the server ignored Range
                have = 0;
                append = false;
            } else if (status == 416 && have > 0) {
                // Nothing after our offset: the .part may already be complete.
                return finishIfValid(part, hex(digestOf(part))) || restart(part);
            } else {
                throw new DatasetException("The server at " + uri + " answered HTTP " + status
                        + " instead of the file. Try again later, or " + manualPlacement());
            }
            MessageDigest md5 = append ? digestOf(part) : newMd5();
            progress.update(have, total);
            long done = copy(body, part, append, have, total, md5, progress, cancelled);
            if (total >= 0 && done != total) {
                throw new DatasetException(String.format("The download from %s ended after %,d of %,d bytes. "
                        + "The partial file %s is kept: run the download again to resume.", uri, done, total, part));
            }
            String actual = hex(md5);
            if (!finishIfValid(part, actual)) {
                deleteQuietly(part);
                throw new DatasetException("The downloaded file is corrupt: its MD5 is " + actual + " but "
                        + expectedMd5 + " was expected. It has been deleted; run the download again. If that keeps "
                        + "happening, " + manualPlacement());
            }
            return true;
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw cancelledException(part);
            }
            throw new DatasetException(String.format("The download from %s stopped (%s). The partial file %s (%,d bytes)"
                    + " is kept: run the download again to resume.", uri, e, part, sizeOrZero(part)), e);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, Path part) {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledException(part);
        } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException | UnresolvedAddressException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            throw new DatasetException("The server at " + uri + " did not answer within " + RESPONSE_TIMEOUT.toSeconds()
                    + " s. Try again later, or " + manualPlacement(), e);
        } catch (IOException e) {
            if (rootCause(e) instanceof UnresolvedAddressException || rootCause(e) instanceof UnknownHostException) {
                throw unreachable(e);
            }
            throw new DatasetException("Cannot download " + uri + " (" + e + "). Try again later, or "
                    + manualPlacement(), e);
        }
    }

    /** Streams the body into the part file, chunk by chunk, checking for cancellation in between. */
    private long copy(InputStream body, Path part, boolean append, long have, long total, MessageDigest md5,
            DownloadProgress progress, BooleanSupplier cancelled) throws IOException {
        long done = have;
        byte[] buffer = new byte[CHUNK_BYTES];
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                // Write what arrived before checking for cancellation: the part stays a correct prefix.
                out.write(buffer, 0, n);
                md5.update(buffer, 0, n);
                done += n;
                progress.update(done, total);
                checkCancelled(cancelled, part);
            }
        }
        return done;
    }

    /** Moves the part into place if its MD5 (hex) is the expected one; false if it is not. */
    private boolean finishIfValid(Path part, String actualMd5) throws IOException {
        if (!actualMd5.equals(expectedMd5)) {
            return false;
        }
        try {
            Files.move(part, archivePath(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, archivePath(), StandardCopyOption.REPLACE_EXISTING);
        }
        VerifiedCifar.record(archivePath(), actualMd5);
        return true;
    }

    private static boolean restart(Path part) {
        deleteQuietly(part);
        return false;
    }

    private void checkCancelled(BooleanSupplier cancelled, Path part) {
        if (Thread.currentThread().isInterrupted() || cancelled.getAsBoolean()) {
            throw cancelledException(part);
        }
    }

    private static DownloadCancelledException cancelledException(Path part) {
        return new DownloadCancelledException("Download cancelled. The partial file " + part
                + " is kept; the next download resumes from it.");
    }

    private DatasetException unreachable(Exception e) {
        Throwable root = rootCause(e);
        String reason;
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            reason = "the host name " + uri.getHost() + " cannot be resolved: no network or no DNS";
        } else if (e instanceof HttpConnectTimeoutException) {
            reason = "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
        } else {
            reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
        return new DatasetException("This machine cannot reach " + uri + " (" + reason + "). If it is offline or "
                + "behind a firewall, " + manualPlacement(), e);
    }

    private String manualPlacement() {
        return "download " + CifarLayout.OFFICIAL_URI + " on another machine and put the file at " + archivePath()
                + " (StrideLab reads it from there).";
    }

    private static long contentLength(HttpResponse<?> response, long offset) {
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        return length.isPresent() ? offset + length.getAsLong() : -1;
    }

    /** The digest as lower-case hex; this finishes (resets) the digest, so call it once. */
    static String hex(MessageDigest md5) {
        return HexFormat.of().formatHex(md5.digest());
    }

    static MessageDigest digestOf(Path file) throws IOException {
        MessageDigest md5 = newMd5();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md5.update(buffer, 0, n);
            }
        }
        return md5;
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stale part file only costs a restart next time.
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
