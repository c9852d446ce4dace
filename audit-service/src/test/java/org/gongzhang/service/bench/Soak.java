package org.gongzhang.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * The service's memory under sustained load: the service started as {@code ./ledger serve} starts
 * it ({@link ColdStart#launcher}: its own JVM, {@code -Xmx} from GONGZHANG_HEAP, default 2g, the demo
 * loaded) and kept busy for {@code minutes} by {@value #WRITERS} clients appending signed vouchers,
 * each to a book of its own, and {@value #READERS} readers cycling over the public home page, a
 * published statement's page, a book's summary, inclusion proofs and heads. The service JVM's
 * resident size (VmRSS) is sampled every {@value #SAMPLE_SECONDS} s; at the end its heap in use
 * after a full GC is read with {@code jcmd}. Any answer but 2xx is counted, never fatal: the soak
 * reports how the service held up, not whether it passed.
 */
final class Soak {

    static final int WRITERS = 4;
    static final int READERS = 4;
    static final int SAMPLE_SECONDS = 15;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One sample: seconds since the load began, the JVM's VmRSS in kB, entries appended and reads
     * answered so far. The first is taken as the load begins.
     */
    record Sample(double seconds, long rssKb, long appended, long read) {
    }

    record Result(String launcher, List<Sample> samples, long peakKb, long heapUsedAfterGcKb, long heapMaxKb,
            long failures, String firstFailure, String largest) {

        Sample last() {
            return samples.get(samples.size() - 1);
        }

        /** The sample closest to {@code seconds} into the load. */
        Sample at(double seconds) {
            Sample best = samples.get(0);
            for (Sample s : samples) {
                if (Math.abs(s.seconds() - seconds) < Math.abs(best.seconds() - seconds)) {
                    best = s;
                }
            }
            return best;
        }

        /** Entries appended per second between two samples. */
        static double appendRate(Sample from, Sample to) {
            return (to.appended() - from.appended()) / Math.max(1e-9, to.seconds() - from.seconds());
        }
    }

    private Soak() {
    }

    static Result run(Path root, double minutes) throws Exception {
        Path dir = Files.createTempDirectory("gongzhang-bench-soak");
        Path data = dir.resolve("pgdata");
        ColdStart.Launcher launcher = ColdStart.launcher(root);
        ColdStart.Started service = ColdStart.start(launcher.command(), data, dir.resolve("keys"), dir.resolve("soak.log"),
                true, null);
        long pid = service.process().pid();
        ExecutorService load = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            int port = service.port();
            List<String> pages = pages(port);
            List<TestBook> books = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                books.add(TestBook.open(new LedgerClient(port)));
            }
            AtomicLong appended = new AtomicLong();
            AtomicLong read = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            StringBuffer firstFailure = new StringBuffer();
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            List<Future<?>> running = new ArrayList<>();
            for (TestBook book : books) {
                running.add(load.submit(() -> append(book, end, appended, failures, firstFailure)));
            }
            Http http = new Http(port);
            for (int i = 0; i < READERS; i++) {
                running.add(load.submit(() -> readPages(http, pages, books, end, read, failures, firstFailure)));
            }
            List<Sample> samples = new ArrayList<>();
            // the service before the load: started, the demo loaded, the writers' books opened
            samples.add(new Sample(0, Machine.statusKb(pid, "VmRSS"), 0, 0));
            long peak = 0;
            long nextPrint = start;
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(SAMPLE_SECONDS * 1000L, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                if (!service.process().isAlive()) {
                    throw new IllegalStateException("the service exited during the soak with "
                            + service.process().exitValue() + "; see " + dir.resolve("soak.log"));
                }
                long rss = Machine.statusKb(pid, "VmRSS");
                peak = Math.max(peak, rss);
                Sample sample = new Sample((System.nanoTime() - start) / 1e9, rss, appended.get(), read.get());
                samples.add(sample);
                if (System.nanoTime() >= nextPrint) {
                    System.out.printf(Locale.ROOT, "   soak at %s: RSS %s, %,d entries appended, %,d reads, %,d failures, load %s%n",
                            Report.seconds(sample.seconds()), Machine.megabytes(rss * 1024), sample.appended(),
                            sample.read(), failures.get(), Machine.loadAverage());
                    nextPrint += 60_000_000_000L;
                }
            }
            for (Future<?> f : running) {
                f.get(2, TimeUnit.MINUTES);
            }
            peak = Math.max(peak, Machine.statusKb(pid, "VmHWM"));
            long[] heap = heapAfterGc(pid);
            return new Result(launcher.description(), samples, peak, heap[0], heap[1], failures.get(),
                    firstFailure.toString(), largestClasses(pid, 10));
        } finally {
            load.shutdownNow();
            ColdStart.stop(service.process(), data);
            ColdStart.delete(dir);
        }
    }

    /** The public pages and the demo book's summary the readers cycle over (a statement page when one is published). */
    private static List<String> pages(int port) throws IOException {
        Http http = new Http(port);
        List<String> pages = new ArrayList<>(List.of("/", "/api/books/lanyuan-public", "/public/books/lanyuan-public"));
        for (JsonNode version : JSON.readTree(http.body("/api/books/lanyuan-public/statements"))) {
            if ("PUBLISHED".equals(version.path("status").asText())) {
                pages.add("/public/books/lanyuan-public/statements/" + version.get("statementId").asText());
                break;
            }
        }
        return pages;
    }

    private static Void append(TestBook book, long end, AtomicLong appended, AtomicLong failures,
            StringBuffer firstFailure) {
        JsonNode head = book.client.get("/api/books/" + book.id + "/head").json();
        long index = head.get("size").asLong();
        String prev = head.get("head").asText();
        while (System.nanoTime() < end) {
            SignedEntry entry = AppendBenchmark.sign(book, index, prev);
            LedgerClient.Answer answer = book.client.submit(entry);
            if (answer.status() == 201) {
                prev = entry.hash();
                index++;
                appended.incrementAndGet();
            } else {
                failed(failures, firstFailure, "POST entry " + index + " to " + book.id, answer.status(), answer.body());
                JsonNode now = book.client.get("/api/books/" + book.id + "/head").json();
                index = now.get("size").asLong();
                prev = now.get("head").asText();
            }
        }
        return null;
    }

    private static Void readPages(Http http, List<String> pages, List<TestBook> books, long end, AtomicLong read,
            AtomicLong failures, StringBuffer firstFailure) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = 0;
        while (System.nanoTime() < end) {
            String path;
            if (n % 3 == 2) {
                TestBook book = books.get(random.nextInt(books.size()));
                long size = 1;
                Http.Timed head = http.get("/api/books/" + book.id + "/head");
                if (head.status() == 200) {
                    try {
                        size = JSON.readTree(head.body()).get("size").asLong();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                path = "/api/books/" + book.id + "/proofs/inclusion?index=" + random.nextLong(size) + "&size=" + size;
            } else {
                path = pages.get(random.nextInt(pages.size()));
            }
            Http.Timed answer = http.get(path);
            if (answer.status() == 200) {
                read.incrementAndGet();
            } else {
                failed(failures, firstFailure, "GET " + path, answer.status(), answer.body());
            }
            n++;
        }
        return null;
    }

    private static void failed(AtomicLong failures, StringBuffer firstFailure, String what, int status, String body) {
        if (failures.getAndIncrement() == 0) {
            firstFailure.append(what).append(": ").append(status).append(' ').append(Http.abbreviate(body));
            System.out.println("   soak: first failure: " + firstFailure);
        }
    }

    /**
     * The service's heap in use after a full GC and its maximum, in kB, from {@code jcmd GC.run} and
     * {@code GC.heap_info}; -1 each when jcmd is missing or its answer does not parse.
     */
    private static long[] heapAfterGc(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return new long[] {-1, -1};
        }
        try {
            run(jcmd.toString(), Long.toString(pid), "GC.run");
            String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
            Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
            String flags = run(jcmd.toString(), Long.toString(pid), "VM.flags");
            Matcher max = Pattern.compile("MaxHeapSize=(\\d+)").matcher(flags);
            return new long[] {used.find() ? Long.parseLong(used.group(2)) : -1,
                    max.find() ? Long.parseLong(max.group(1)) / 1024 : -1};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new long[] {-1, -1};
        }
    }

    /**
     * What the live heap is made of: the {@code top} classes by bytes of {@code jcmd GC.class_histogram}
     * (which collects first), as "name size" pairs; empty without jcmd.
     */
    static String largestClasses(long pid, int top) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "";
        }
        try {
            List<String> largest = new ArrayList<>();
            Matcher row = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)")
                    .matcher(run(jcmd.toString(), Long.toString(pid), "GC.class_histogram"));
            while (largest.size() < top && row.find()) {
                largest.add(className(row.group(2)) + " " + Machine.megabytes(Long.parseLong(row.group(1))));
            }
            return String.join(", ", largest);
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** {@code [B} as byte[], {@code [Ljava.lang.Object;} as java.lang.Object[]. */
    static String className(String jvmName) {
        int dimensions = 0;
        while (dimensions < jvmName.length() && jvmName.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = jvmName.substring(dimensions);
        if (dimensions > 0) {
            element = switch (element) {
                case "B" -> "byte";
                case "C" -> "char";
                case "I" -> "int";
                case "J" -> "long";
                case "Z" -> "boolean";
                case "S" -> "short";
                case "F" -> "float";
                case "D" -> "double";
                default -> element.startsWith("L") && element.endsWith(";")
                        ? element.substring(1, element.length() - 1) : element;
            };
        }
        return element + "[]".repeat(dimensions);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        return out;
    }
}
