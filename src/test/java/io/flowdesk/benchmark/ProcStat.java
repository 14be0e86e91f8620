package io.flowdesk.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Stream;

/** CPU time and memory of processes, from /proc (Linux). */
final class ProcStat {

    static final long CLOCK_TICKS = clockTicks();
    static final long SELF = ProcessHandle.current().pid();

    private ProcStat() {
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }

    /** User + system CPU seconds a process has used so far (utime + stime of /proc/PID/stat); -1 if gone. */
    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return (double) ticks / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU seconds per group of threads of a process (/proc/PID/task/TID/stat, named by comm): Tomcat request threads,
     * JIT compiler, GC, job executor, … — where a server's CPU goes.
     */
    static Map<String, Double> threadGroups(long pid) {
        Map<String, Double> out = new TreeMap<>();
        if (pid <= 0) {
            return out;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (double) (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
                    out.merge(group(comm), seconds, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // process gone
        }
        return out;
    }

    static String group(String comm) {
        if (comm.startsWith("http-nio") || comm.contains("-exec-")) {
            return "tomcat-requests";
        }
        if (comm.contains("CompilerThre")) {
            return "jit-compiler";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
            return "gc";
        }
        if (comm.startsWith("camunda") || comm.startsWith("JobExecutor")) {
            return "job-executor";
        }
        if (comm.startsWith("engine-bound")) {
            return "engine-bound";
        }
        if (comm.startsWith("HikariPool")) {
            return "hikari";
        }
        if (comm.startsWith("VM ")) {
            return "jvm";
        }
        return comm.replaceAll("[-#]?[0-9]+$", "");
    }

    /** Busy and total jiffies of the whole machine (/proc/stat), for the share of both cores in use. */
    static long[] machineJiffies() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Resident set size in MB (VmRSS), or -1. */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** The pid of the MariaDB (or MySQL) server: pgrep -x mariadbd, then mysqld. */
    static long databasePid() {
        for (String name : List.of("mariadbd", "mysqld")) {
            try {
                Process p = new ProcessBuilder("pgrep", "-x", name).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                p.waitFor();
                if (!out.isEmpty()) {
                    return Long.parseLong(out.split("\\s+")[0]);
                }
            } catch (IOException | InterruptedException | NumberFormatException e) {
                // try /proc below
            }
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                Optional<Long> found = procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .filter(p -> {
                            try {
                                return Files.readString(p.resolve("comm")).trim().equals(name);
                            } catch (IOException e) {
                                return false;
                            }
                        })
                        .map(p -> Long.parseLong(p.getFileName().toString())).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                // none
            }
        }
        return -1;
    }

    static String firstLineWith(String file, String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(prefix)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return "?";
    }
}
