package io.flowdesk.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Flowdesk server under test: its own JVM, started from the jar, stopped with SIGTERM. */
final class ServerProcess {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

    final Process process;
    final long pid;
    final Path log;
    final double readySeconds;
    final int port;

    private ServerProcess(Process process, Path log, double readySeconds, int port) {
        this.process = process;
        this.pid = process.pid();
        this.log = log;
        this.readySeconds = readySeconds;
        this.port = port;
    }

    /** Starts {@code java -jar JAR ARGS...}, waits for /actuator/health UP and measures the time to it. */
    static ServerProcess start(Path jar, List<String> jvmOptions, List<String> arguments, Path log, int port)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        System.out.println("  $ " + String.join(" ", command));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        long deadline = started + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " during start-up; see "
                        + log);
            }
            try (Http http = new Http("127.0.0.1", port, 2000)) {
                if (http.send("GET", "/actuator/health", null, null, true) == 200 && http.body().contains("\"UP\"")) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    return new ServerProcess(process, log, seconds, port);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not UP within 240 s; see " + log);
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    double cpuSeconds() {
        return ProcStat.cpuSeconds(pid);
    }

    /** Heap in use after a full GC (jcmd GC.run, then GC.heap_info) and the resident set size. */
    Map<String, Object> footprint() {
        Map<String, Object> out = new LinkedHashMap<>();
        String gc = jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (m.find()) {
            out.put("heapCommittedMb", Long.parseLong(m.group(1)) / 1024.0);
            out.put("heapAfterGcMb", Long.parseLong(m.group(2)) / 1024.0);
        } else {
            out.put("heapAfterGcMb", null);
            out.put("jcmdOutput", (gc + "\n" + info).trim());
        }
        out.put("rssMb", ProcStat.rssMb(pid));
        return out;
    }

    private String jcmd(String command) {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "jcmd failed: " + e;
        }
    }

    /** ERROR lines of the server log (and the lines of the first stack traces) for the report. */
    List<String> errorLines(int max) {
        List<String> out = new ArrayList<>();
        try {
            List<String> lines = lines();
            for (int i = 0; i < lines.size() && out.size() < max; i++) {
                String line = lines.get(i);
                if (line.contains(" ERROR ") || line.contains("Exception:") && !line.startsWith("\t")) {
                    out.add(line.length() > 400 ? line.substring(0, 400) + " …" : line);
                }
            }
        } catch (IOException e) {
            out.add("cannot read " + log + ": " + e);
        }
        return out;
    }

    long countLines(String needle) {
        try {
            return lines().stream().filter(l -> l.contains(needle)).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private List<String> lines() throws IOException {
        return List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
    }
}
